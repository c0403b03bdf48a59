package org.parkscope.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives every demo enterprise a 经营范围 and main products in the form registrations take since 2022 (一般项目 /
 * 许可项目, standard phrases, the fixed approval clause), so that chain placement works on the firms' own words. The
 * texts follow each firm's industry class and, for the commercial-cryptography cluster, a spread over the chain's
 * nodes that leaves some nodes empty or thin, as a real town's would be. Some firms carry the classic false friends
 * (电子密码锁, USB数据线, 充电宝) that the matcher must not take for chain activity.
 *
 * <p>All choices come from a random generator seeded per enterprise, so the texts are as reproducible as the rest of
 * the town and independent of the generator's own random sequence.
 */
final class DemoBusinessScopes {

    private DemoBusinessScopes() {}

    private static final String BOILER = "技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广";
    private static final String CLAUSE = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）";

    /** A text profile: general items, licensed items, main products. */
    record Profile(List<String> items, List<String> licensed, String products) {
        Profile(String products, String... items) {
            this(List.of(items), List.of(), products);
        }
    }

    private static Profile p(String products, String... items) {
        return new Profile(products, items);
    }

    // ------------------------------------------------------------------ commercial cryptography (the 53 members)
    static final Profile SC_MACHINE = p("服务器密码机、签名验签服务器、SSL VPN安全网关",
            "服务器密码机、签名验签服务器的研发、生产、销售", "安全认证网关、时间戳服务器的研发与销售", "商用密码产品生产和销售",
            "计算机软硬件及辅助设备零售", "信息安全设备制造");
    static final Profile SC_MACHINE_FIN = p("金融数据密码机、云服务器密码机",
            "金融数据密码机、云服务器密码机研发、生产", "信息安全设备制造", "计算机系统服务", "软件开发");
    static final Profile SC_TERMINAL = p("智能密码钥匙（USBKey）、动态令牌",
            "智能密码钥匙、动态令牌的研发、生产与销售", "身份认证令牌、安全TF卡研发", "电子产品销售", "计算机软硬件及外围设备制造");
    static final Profile SC_CARD = p("PCIE密码卡、密码模块", "PCIE密码卡、密码模块的研发、生产", "集成电路芯片及产品销售",
            "电子元器件制造");
    static final Profile SC_SOFTWARE = p("密钥管理系统、电子签章系统、数据库加密系统",
            "密码软件、密钥管理系统、电子签章系统的开发与销售", "软件开发", "数据库加密产品研发", "信息系统集成服务");
    static final Profile SC_PKI = p("PKI平台、数字证书系统、国密SSL网关软件",
            "PKI、数字证书系统、密码中间件的开发", "软件开发", "网络与信息安全软件开发", "计算机软硬件及辅助设备批发");
    static final Profile SC_INTEGRATION = p("国密改造解决方案、密码应用方案设计",
            "商用密码服务", "密码应用集成、国密改造服务", "信息系统集成服务", "信息技术咨询服务", "计算机系统服务");
    static final Profile SC_INTEGRATION_2 = p("密码保障系统集成、信创适配服务",
            "密码应用方案设计、密码集成服务", "信创适配", "信息系统运行维护服务", "网络与信息安全软件开发");
    static final Profile SC_CA = new Profile(List.of("电子认证服务", "数字证书签发与可信时间戳服务", "软件开发"),
            List.of("电子认证服务", "第二类增值电信业务"), "数字证书、电子签名服务、可信时间戳");
    static final Profile SC_TEST = new Profile(List.of("商用密码检测、商用密码应用安全性评估（密评）", "密码产品检测、密码算法检测",
            "检验检测服务", "认证咨询"), List.of("检验检测服务"), "商用密码检测、密评、密码测评人才培训");

    // ------------------------------------------------------------------ other crypto-theme firms: network security
    static final Profile NETSEC = p("等保测评咨询、安全运营服务、云防火墙",
            "网络与信息安全软件开发", "信息系统集成服务", "安全运营、态势感知服务", "等保服务");
    static final Profile DATASEC = p("数据脱敏系统、数据库审计系统", "数据安全产品开发", "数据脱敏、数据库审计软件开发与销售",
            "软件开发", "信息系统运行维护服务");

    // ------------------------------------------------------------------ 信创
    static final Profile BD_ANALYTICS = p("大数据分析平台、数据可视化大屏", "大数据分析、数据可视化软件开发", "软件开发",
            "商业智能（BI）系统开发", "数据处理服务");
    static final Profile BD_GOVERNANCE = p("数据中台、数据治理平台", "数据治理、数据中台建设与运营服务", "数据处理和存储支持服务",
            "主数据管理软件开发", "软件开发");
    static final Profile BD_FIN = p("金融大数据风控模型、征信数据服务", "金融大数据服务", "大数据应用开发", "互联网数据服务",
            "信息咨询服务（不含许可类信息咨询服务）");
    static final Profile BD_LABEL = p("数据标注、AI训练数据集", "数据标注服务", "数据采集、数据加工服务", "互联网数据服务");
    static final Profile BD_DB = p("分布式数据库、时序数据库", "分布式数据库、时序数据库软件开发", "基础软件开发", "软件销售");
    static final Profile CC_MIDDLEWARE = p("云原生中间件、容器云平台", "中间件、容器平台软件开发", "云原生PaaS平台服务",
            "软件开发", "信息系统集成服务");
    static final Profile CC_MSP = p("企业上云服务、多云管理平台", "云迁移、云运维服务", "上云服务", "信息系统集成服务",
            "信息技术咨询服务");
    static final Profile CC_IDC = new Profile(List.of("数据中心（IDC）运营、服务器托管、机柜租用", "数据处理和存储支持服务",
            "计算机系统服务"), List.of("第一类增值电信业务"), "IDC机柜租用、服务器托管");
    static final Profile CC_SAAS = p("工业SaaS、云ERP", "SaaS软件开发与运营", "云ERP、在线协同办公软件开发", "软件开发");
    static final Profile IOT_INTEGRATION = p("物联网系统集成、智慧园区解决方案", "物联网技术服务", "物联网系统集成、设备联网改造",
            "智能化工程设计与施工", "安防工程");
    static final Profile IOT_PLATFORM = p("物联网平台、设备管理平台", "物联网平台、设备管理平台软件开发", "边缘计算平台研发",
            "软件开发");
    static final Profile G5_MODULE = p("5G模组、Cat.1模组、NB-IoT模组", "5G模组、物联网模组的研发、生产、销售",
            "通信设备制造", "移动终端设备制造", "电子产品销售");
    static final Profile G5_GATEWAY = p("工业网关、5G网关、DTU", "工业网关、5G网关、物联网网关的研发与生产", "通信设备制造",
            "计算机软硬件及辅助设备零售");
    static final Profile G5_SMALLCELL = p("5G小基站、室分系统", "5G小基站、室分系统的研发、生产", "通信设备制造",
            "通信工程设计");
    static final Profile G5_ENGINEERING = p("通信工程、网络优化", "通信工程、网络优化服务", "通信设备安装",
            "室内分布系统施工");
    static final Profile G5_APPS = p("5G+工业互联网解决方案、5G专网解决方案", "5G应用、5G+工业互联网系统集成",
            "5G专网解决方案", "软件开发");
    static final Profile AI_VISION = p("机器视觉检测系统、图像识别算法", "计算机视觉、图像识别软件开发", "人工智能应用软件开发",
            "软件开发");
    static final Profile IT_CONSULT = p("数字化转型咨询、数据规划", "大数据咨询、数字化转型咨询", "信息技术咨询服务",
            "数据运营服务");

    // ------------------------------------------------------------------ 新能源汽车
    static final Profile NEV_DELIVERY = p("新能源汽车销售与交付",
            "新能源汽车整车销售", "汽车新车销售", "新能源汽车交付中心运营", "汽车零配件零售", "机动车充电销售", "二手车经纪");
    static final Profile NEV_DEALER = p("新能源汽车4S店销售、售后", "汽车新车销售", "新能源汽车整车销售", "机动车修理和维护",
            "汽车装饰用品销售");
    static final Profile NEV_TRADE = p("汽车整车批发、汽车进出口", "汽车销售", "汽车进出口", "汽车零配件批发", "货物进出口");
    static final Profile NEV_PARTS_SHOP = p("汽车零配件、汽车用品", "汽车零配件零售", "汽车零配件批发", "汽车装饰用品销售",
            "轮胎销售");
    static final Profile NEV_REPAIR = new Profile(List.of("机动车修理和维护", "新能源汽车维修、三电维修", "汽车美容", "洗车服务"),
            List.of("机动车检验检测服务"), "新能源汽车维修保养、钣金喷漆");
    static final Profile NEV_CHARGING = p("充电站运营、光储充一体化", "电动汽车充电基础设施运营", "集中式快速充电站",
            "机动车充电销售", "储能技术服务");
    static final Profile NEV_THERMAL = p("热管理系统、热泵空调总成", "热管理系统、热泵空调的研发、生产", "汽车零部件及配件制造",
            "汽车零部件研发");
    static final Profile NEV_HV = p("高压线束、高压连接器", "高压线束、高压连接器生产", "汽车零部件及配件制造", "电线、电缆经营");
    static final Profile NEV_COCKPIT = p("智能座舱域控制器、车载摄像头", "智能座舱、域控制器研发、生产", "智能车载设备制造",
            "汽车零部件研发");
    static final Profile NEV_EDRIVE = p("电机控制器、SiC功率模块", "电机控制器、电驱动系统研发、生产", "电力电子元器件制造",
            "汽车零部件及配件制造");
    static final Profile NEV_CHARGER = p("直流快充充电桩、充电模块", "充电桩、充电模块的研发、生产", "输配电及控制设备制造",
            "充电控制设备租赁");
    static final Profile NEV_RECYCLE = new Profile(List.of("新能源汽车废旧动力蓄电池回收及梯次利用（不含危险废物经营）",
            "资源再生利用技术研发", "储能技术服务"), List.of("危险废物经营"), "动力电池梯次利用储能柜");

    // ------------------------------------------------------------------ manufacturing, electronics, services
    static final Profile ROBOT = p("工业机器人、机器人工作站", "工业机器人制造", "工业机器人安装、维修", "智能控制系统集成",
            "通用设备制造（不含特种设备制造）");
    static final Profile AUTOMATION = p("自动化生产线、PLC控制柜", "工业自动控制系统装置制造", "机械设备研发",
            "通用设备制造（不含特种设备制造）", "电气设备修理");
    static final Profile SEMI_EQUIP = p("刻蚀设备零部件、清洗设备", "半导体器件专用设备制造", "清洗设备、半导体设备零部件研发、生产",
            "机械零件、零部件加工");
    static final Profile AM = p("金属3D打印机、增材制造服务", "增材制造装备制造", "3D打印服务", "通用设备制造（不含特种设备制造）");
    static final Profile PRECISION = p("精密轴类、齿轮、机加工件", "机械零件、零部件加工", "五金产品制造", "模具制造",
            "金属材料销售");
    static final Profile INSTRUMENT = p("压力表、流量计", "仪器仪表制造", "仪器仪表销售", "仪器仪表修理");
    static final Profile OPTICAL = p("光模块、光器件", "光模块、光器件的研发、生产", "光电子器件制造", "光通信设备销售");
    static final Profile COMPONENTS = p("片式电感、电容器", "电子元器件制造", "电子元器件批发", "电子专用材料销售");
    static final Profile IC_PACKAGE = p("芯片封装测试、SiP模组", "集成电路封装测试", "集成电路芯片及产品制造", "电子元器件制造");
    static final Profile IC_DESIGN = p("模拟芯片、电源管理芯片", "集成电路设计", "集成电路芯片设计及服务", "集成电路芯片及产品销售");
    static final Profile DRONE = p("工业级无人机、植保无人机", "智能无人飞行器制造", "无人机的研发与销售", "航空运输设备销售");
    static final Profile ELECTRONIC_DEVICE = p("电源适配器、电子整机组装", "电子产品制造", "电子产品销售", "五金产品零售");
    static final Profile PHARMA = new Profile(List.of("医学研究和试验发展", "化工产品销售（不含许可类化工产品）"),
            List.of("药品生产", "药品批发"), "化学药制剂");
    static final Profile BIO = new Profile(List.of("生物制品研发", "医学研究和试验发展", "细胞技术研发和应用"), List.of("药品生产"),
            "重组蛋白、诊断试剂原料");
    static final Profile MEDDEV = new Profile(List.of("第一类医疗器械生产", "第二类医疗器械销售", "医疗设备租赁"),
            List.of("第二类医疗器械生产"), "医用超声设备、监护仪");
    static final Profile CRO = p("临床前药物研究服务", "医学研究和试验发展", "生物医药技术研发", "检验检测服务");
    static final Profile TECH_SERVICE = p("科技成果转化服务", "科技中介服务", "科技推广和应用服务", "知识产权服务（专利代理服务除外）");
    static final Profile IP_AGENCY = new Profile(List.of("知识产权服务", "商标代理", "版权代理"), List.of("专利代理"),
            "专利、商标代理");
    static final Profile CONSULTING = p("企业管理咨询", "企业管理咨询", "市场营销策划", "会议及展览服务", "商务信息咨询");
    static final Profile E_TRADE = p("电子产品、计算机配件", "电子产品销售", "计算机软硬件及辅助设备零售", "通讯设备销售",
            "USB数据线、手机充电器、充电宝销售");
    static final Profile LOGISTICS = p("仓储、供应链管理", "供应链管理服务", "普通货物仓储服务（不含危险化学品等需许可审批的项目）",
            "国内货物运输代理", "装卸搬运");
    static final Profile DESIGN = new Profile(List.of("工程管理服务", "规划设计管理"), List.of("建设工程设计"), "建筑工程设计");
    static final Profile SURFACE = new Profile(List.of("金属表面处理及热处理加工", "五金产品制造", "金属制品销售"),
            List.of("电镀加工"), "阳极氧化、喷涂加工");
    static final Profile PLASTIC = p("注塑件、塑料包装", "塑料制品制造", "塑料制品销售", "模具制造");
    static final Profile STEEL = p("钢结构件、彩钢板", "金属结构制造", "金属结构销售", "建筑用钢筋产品销售");
    static final Profile HARDWARE = p("五金件、紧固件", "五金产品制造", "五金产品批发", "金属制品销售");
    static final Profile LOCKS = p("电子密码锁、指纹密码锁、密码保险箱", "电子密码锁、指纹锁的生产、销售", "五金产品制造",
            "密码箱、保险柜销售", "智能家庭消费设备销售");
    static final Profile CABLE = p("电线电缆", "电线、电缆制造", "电线、电缆经营", "塑料制品销售");
    static final Profile DATA_CABLE = p("USB数据线、数据线缆、充电线", "数据线、数据线缆的生产", "电线、电缆制造", "电子产品销售");
    static final Profile PARK_OPERATOR = p("园区管理、物业管理", "园区管理服务", "物业管理", "非居住房地产租赁", "停车场服务");

    private static final Map<String, List<Profile>> BY_CODE = Map.ofEntries(
            Map.entry("5261", List.of(NEV_DELIVERY, NEV_DEALER)), Map.entry("5263", List.of(NEV_PARTS_SHOP)),
            Map.entry("5172", List.of(NEV_TRADE)), Map.entry("8111", List.of(NEV_REPAIR, NEV_REPAIR, NEV_CHARGING)),
            Map.entry("3670", List.of(NEV_THERMAL, NEV_HV, NEV_COCKPIT)), Map.entry("3824", List.of(NEV_EDRIVE, NEV_CHARGER)),
            Map.entry("3484", List.of(PRECISION)), Map.entry("4019", List.of(INSTRUMENT)),
            Map.entry("6513", List.of(BD_ANALYTICS, CC_SAAS, AI_VISION, IOT_PLATFORM)),
            Map.entry("6512", List.of(BD_DB, CC_MIDDLEWARE)), Map.entry("6531", List.of(CC_MSP, IOT_INTEGRATION, G5_APPS)),
            Map.entry("6550", List.of(BD_GOVERNANCE, CC_IDC)), Map.entry("6450", List.of(BD_FIN, BD_LABEL)),
            Map.entry("3921", List.of(G5_SMALLCELL, G5_ENGINEERING)), Map.entry("3922", List.of(G5_MODULE, G5_GATEWAY)),
            Map.entry("6560", List.of(IT_CONSULT)), Map.entry("6440", List.of(NETSEC)), Map.entry("3919", List.of(DATASEC)),
            Map.entry("3491", List.of(ROBOT)), Map.entry("4011", List.of(AUTOMATION)), Map.entry("3562", List.of(SEMI_EQUIP)),
            Map.entry("3493", List.of(AM)), Map.entry("2720", List.of(PHARMA)), Map.entry("2761", List.of(BIO)),
            Map.entry("3581", List.of(MEDDEV)), Map.entry("7340", List.of(CRO)), Map.entry("3976", List.of(OPTICAL)),
            Map.entry("3981", List.of(COMPONENTS)), Map.entry("3973", List.of(IC_PACKAGE, IC_DESIGN)),
            Map.entry("3963", List.of(DRONE)), Map.entry("3990", List.of(ELECTRONIC_DEVICE)),
            Map.entry("7519", List.of(TECH_SERVICE)), Map.entry("7520", List.of(IP_AGENCY)),
            Map.entry("7299", List.of(CONSULTING)), Map.entry("5176", List.of(E_TRADE)), Map.entry("5990", List.of(LOGISTICS)),
            Map.entry("7484", List.of(DESIGN)), Map.entry("3360", List.of(SURFACE)), Map.entry("2929", List.of(PLASTIC)),
            Map.entry("3311", List.of(STEEL)), Map.entry("3399", List.of(HARDWARE, HARDWARE, LOCKS)),
            Map.entry("3831", List.of(CABLE, CABLE, DATA_CABLE)), Map.entry("7221", List.of(PARK_OPERATOR)),
            Map.entry("7452", List.of(SC_TEST)), Map.entry("4028", List.of(p("通信测试仪表、射频测试系统",
                    "电子测量仪器制造", "通信测试仪表的研发、生产", "射频测试系统集成", "软件开发"))));

    /**
     * Fills business_scope and main_products of the demo town's enterprises (ids up to {@code lastId}), and the crypto
     * firms' certificates.
     */
    static void fill(JdbcTemplate jdbc, long lastId) {
        List<Map<String, Object>> firms = jdbc.queryForList("""
                select e.id, e.name, e.industry_code,
                       exists (select 1 from cluster_member m join cluster c on c.id = m.cluster_id
                               where m.enterprise_id = e.id and c.code = 'CRYPTO') as crypto
                from enterprise e where e.id <= ? order by e.id""", lastId);
        Map<Long, Integer> cryptoIndex = new java.util.HashMap<>(); // a crypto member's place among them
        List<Object[]> rows = new ArrayList<>();
        for (Map<String, Object> f : firms) {
            long id = ((Number) f.get("id")).longValue();
            if (Boolean.TRUE.equals(f.get("crypto"))) {
                cryptoIndex.put(id, cryptoIndex.size());
                continue;
            }
            String name = (String) f.get("name");
            String code = (String) f.get("industry_code");
            Profile profile = profileFor(id, name, code);
            rows.add(text(id, profile));
        }
        List<Object[]> certs = new ArrayList<>();
        int machines = 0;
        int cards = 0;
        int cas = 0;
        for (Map<String, Object> f : firms) {
            long id = ((Number) f.get("id")).longValue();
            if (!cryptoIndex.containsKey(id)) {
                continue;
            }
            String code = (String) f.get("industry_code");
            String name = (String) f.get("name");
            int k = cryptoIndex.get(id);
            Profile profile;
            if (name.startsWith("智巡")) {
                profile = SC_TEST;
                certs.add(new Object[] {id, "CRYPTO_TEST_LAB", "NATIONAL", "GM-JC-2021-031", LocalDate.of(2021, 9, 1),
                    LocalDate.of(2026, 8, 31), "商用密码检测机构资质（国家密码管理局）"});
            } else if (code.equals("3919")) {
                if (cards == 0 && k % 2 == 1) {
                    profile = SC_CARD; // one small card maker: a thin node
                    cards++;
                } else {
                    profile = k % 3 == 0 ? SC_TERMINAL : machines % 2 == 0 ? SC_MACHINE : SC_MACHINE_FIN;
                    machines++;
                }
                if (k % 2 == 0) {
                    certs.add(new Object[] {id, "CRYPTO_PRODUCT_CERT", "NATIONAL",
                        String.format("GM%03d%04d2023", 3, 1000 + id), LocalDate.of(2023, 3, 1 + (int) (id % 28)),
                        LocalDate.of(2028, 2, 28), "商用密码产品认证证书"});
                }
            } else if (code.equals("6513") || code.equals("6512")) {
                profile = k % 2 == 0 ? SC_SOFTWARE : SC_PKI;
            } else if (code.equals("6440")) {
                if (cas == 0) {
                    profile = SC_CA;
                    cas++;
                } else {
                    profile = k % 2 == 0 ? SC_INTEGRATION : SC_INTEGRATION_2;
                }
            } else {
                profile = k % 2 == 0 ? SC_INTEGRATION : SC_INTEGRATION_2;
            }
            rows.add(text(id, profile));
        }
        jdbc.batchUpdate("update enterprise set business_scope = ?, main_products = ? where id = ?",
                rows.stream().map(r -> new Object[] {r[1], r[2], r[0]}).toList());
        jdbc.batchUpdate("insert into qualification(enterprise_id, type, level, certificate_no, issued_on, expires_on, note)"
                + " values (?, ?, ?, ?, ?, ?, ?)", certs);
    }

    /** The texts {id, business scope, main products} of a firm outside the demo town, by its industry class. */
    static Object[] generic(long id, String name, String industryCode) {
        return text(id, profileFor(id, name, industryCode));
    }

    private static Profile profileFor(long id, String name, String code) {
        if (name.contains("移远")) {
            return G5_MODULE;
        }
        if (name.contains("柯马")) {
            return ROBOT;
        }
        List<Profile> options = BY_CODE.get(code);
        if (options == null) {
            return CONSULTING;
        }
        return options.get(new Random(id * 7919L).nextInt(options.size()));
    }

    /** The registered text: general items with the boilerplate somewhere among them, then the licensed items. */
    static Object[] text(long id, Profile profile) {
        Random r = new Random(id * 104_729L + 17);
        List<String> items = new ArrayList<>(profile.items());
        if (r.nextDouble() < 0.7) {
            items.add(r.nextDouble() < 0.5 ? 0 : Math.min(items.size(), 2), BOILER);
        }
        if (r.nextDouble() < 0.3) {
            Collections.addAll(items, "货物进出口", "技术进出口");
        }
        StringBuilder sb = new StringBuilder("一般项目：").append(String.join("；", items)).append(CLAUSE);
        if (!profile.licensed().isEmpty()) {
            sb.append("许可项目：").append(String.join("；", profile.licensed()))
                    .append("（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）");
        }
        return new Object[] {id, sb.toString(), profile.products()};
    }
}
