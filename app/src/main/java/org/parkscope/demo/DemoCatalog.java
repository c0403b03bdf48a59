package org.parkscope.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The fixed facts the demo town is built from: its park platforms, industry themes and the town's "1+4+X" clusters.
 *
 * <p>Real names come from the article ({@code shared/domain/sijing-article.md}) and {@code sijing.md}: 手拉手汽车港,
 * 九淦168产业园, G60商用密码产业基地, G60松江信创产业园, 国科G60数字智能产业园, 交科众创园区, and the firms 移远通信,
 * 创远信科, 智巡密码, 柯马. Everything else — the other 17 parks, all other enterprises, every code and figure — is
 * invented. ASSUMPTION: the article does not spell out the "1+4+X" list; the one below (1 = 信创, 4 = 新能源汽车,
 * 智能制造装备, 电子信息与人工智能, 生物医药, X = 科技服务) follows the town's stated positioning.
 */
final class DemoCatalog {

    private DemoCatalog() {}

    /** The reporting date of the demo town: the article was published on 2024-03-14 ("截至目前"). */
    static final LocalDate AS_OF = LocalDate.of(2024, 3, 14);

    static final int FIRST_YEAR = 2019;
    static final int LAST_YEAR = 2023;

    /** Industry themes: which GB/T 4754-2017 classes a park's firms come from, and their SEI (2018) tags. */
    enum Theme {
        AUTO_TRADE, NEV_PARTS, XINCHUANG, CRYPTO, SMART_MFG, TRADITIONAL_MFG, BIOMED, ELECTRONICS, SERVICES
    }

    /** Industry class → SEI code. This mapping is the demo's own (the official table is not available). */
    record Industry(String code, String sei, String[] words) {}

    static final Map<Theme, List<Industry>> INDUSTRIES = Map.of(
            Theme.AUTO_TRADE, List.of(
                    new Industry("5261", "5.4", new String[] {"新能源汽车销售服务", "汽车销售服务"}),
                    new Industry("5261", "5.4", new String[] {"新能源汽车交付服务"}),
                    new Industry("5263", "", new String[] {"汽车配件", "汽配销售"}),
                    new Industry("5172", "", new String[] {"汽车贸易"}),
                    new Industry("8111", "", new String[] {"汽车维修服务"})),
            Theme.NEV_PARTS, List.of(
                    new Industry("3670", "5.2", new String[] {"汽车零部件", "汽车电子"}),
                    new Industry("3824", "5.2", new String[] {"电力电子", "新能源科技"}),
                    new Industry("3670", "5.2", new String[] {"汽车部件"}),
                    new Industry("3484", "", new String[] {"精密零部件"})),
            Theme.XINCHUANG, List.of(
                    new Industry("6513", "1.3", new String[] {"软件技术", "信息科技"}),
                    new Industry("6512", "1.3", new String[] {"软件科技"}),
                    new Industry("6531", "1.3", new String[] {"信息系统", "数字科技"}),
                    new Industry("6550", "1.4", new String[] {"数据科技", "云计算技术"}),
                    new Industry("6450", "1.4", new String[] {"大数据科技"}),
                    new Industry("3921", "1.1", new String[] {"通信技术", "通讯设备"}),
                    new Industry("3922", "1.1", new String[] {"物联网科技", "通信科技"}),
                    new Industry("6560", "1.3", new String[] {"信息咨询"})),
            Theme.CRYPTO, List.of(
                    new Industry("6440", "1.4", new String[] {"密码科技", "信息安全技术"}),
                    new Industry("6513", "1.3", new String[] {"密码技术", "安全软件"}),
                    new Industry("3919", "1.2", new String[] {"密码设备", "安全设备"}),
                    new Industry("6531", "1.3", new String[] {"网络安全科技"})),
            Theme.SMART_MFG, List.of(
                    new Industry("3491", "2.1", new String[] {"机器人科技", "智能装备"}),
                    new Industry("4011", "2.1", new String[] {"自动化设备", "自动化科技"}),
                    new Industry("3562", "2.1", new String[] {"半导体设备"}),
                    new Industry("3493", "2.1", new String[] {"增材制造科技"}),
                    new Industry("3484", "", new String[] {"精密机械"}),
                    new Industry("4019", "", new String[] {"仪器仪表"})),
            Theme.TRADITIONAL_MFG, List.of(
                    new Industry("3360", "", new String[] {"金属表面处理"}),
                    new Industry("2929", "", new String[] {"塑胶制品", "塑料制品"}),
                    new Industry("3311", "", new String[] {"钢结构", "金属结构"}),
                    new Industry("3399", "", new String[] {"五金制品", "金属制品"}),
                    new Industry("3831", "", new String[] {"电线电缆"})),
            Theme.BIOMED, List.of(
                    new Industry("2720", "4.1", new String[] {"制药", "医药科技"}),
                    new Industry("2761", "4.1", new String[] {"生物医药", "生物制品"}),
                    new Industry("3581", "4.2", new String[] {"医疗器械", "医疗设备"}),
                    new Industry("7340", "4.1", new String[] {"医药研发"})),
            Theme.ELECTRONICS, List.of(
                    new Industry("3976", "1.2", new String[] {"光电科技", "光电子"}),
                    new Industry("3981", "1.2", new String[] {"电子元件", "电子科技"}),
                    new Industry("3973", "1.2", new String[] {"微电子", "集成电路"}),
                    new Industry("3963", "2.1", new String[] {"无人机科技"}),
                    new Industry("3990", "", new String[] {"电子设备"})),
            Theme.SERVICES, List.of(
                    new Industry("7519", "9.1", new String[] {"科技发展", "技术服务"}),
                    new Industry("7520", "9.1", new String[] {"知识产权代理"}),
                    new Industry("7299", "", new String[] {"企业管理咨询", "商务服务"}),
                    new Industry("5176", "", new String[] {"电子产品贸易"}),
                    new Industry("5990", "", new String[] {"供应链管理", "仓储服务"}),
                    new Industry("7484", "", new String[] {"工程设计"})));

    /**
     * A park platform.
     *
     * @param landMu      the park's land in 亩 (a target: parcels are drawn to add up to it; 手拉手 exactly 157)
     * @param ownerShare  share of its parcels used by their rights holder alone (no 园中园/厂中厂)
     * @param weight      its share of the town's tenants, relative to other parks
     */
    record ParkDef(String code, String name, String operator, String kind, String positioning, List<String> tags,
            String address, LocalDate openedOn, Theme theme, Theme secondTheme, int parcels, double landMu,
            double ownerShare, double weight) {}

    static final List<ParkDef> PARKS = List.of(
            new ParkDef("SLS", "手拉手汽车港", "上海手牵手科技发展有限公司", "PLATFORM",
                    "一站式现代汽车科创园：新能源汽车交付中心与品牌集聚", List.of("新能源汽车"),
                    "九干路50号", LocalDate.of(2020, 10, 1), Theme.AUTO_TRADE, Theme.AUTO_TRADE, 3, 157, 0.0, 0.0),
            new ParkDef("JG168", "九淦168产业园", "上海九淦实业有限公司", "PLATFORM",
                    "新能源汽车交付与零部件，小米汽车全国首个交付中心", List.of("新能源汽车"),
                    "九干路168号", LocalDate.of(2021, 6, 1), Theme.AUTO_TRADE, Theme.NEV_PARTS, 5, 120, 0.2, 0.8),
            new ParkDef("G60MM", "G60商用密码产业基地", "上海泗泾商密产业发展有限公司", "FUNCTIONAL",
                    "商用密码产业创新集群，国家级商用密码检测中心所在地", List.of("信创", "商用密码"),
                    "沐川路58弄", LocalDate.of(2022, 5, 1), Theme.CRYPTO, Theme.CRYPTO, 3, 102, 0.0, 1.2),
            new ParkDef("G60XC", "G60松江信创产业园", "上海泗泾信创园区管理有限公司", "PLATFORM",
                    "上海市特色产业园区：商用密码、5G、云计算、物联网、大数据", List.of("信创"),
                    "泗砖公路", LocalDate.of(2019, 9, 1), Theme.XINCHUANG, Theme.CRYPTO, 6, 260, 0.35, 2.2),
            new ParkDef("GKG60", "国科G60数字智能产业园", "上海国科泗泾园区运营有限公司", "FUNCTIONAL",
                    "数字智能与电子信息", List.of("信创", "人工智能"),
                    "九干路", LocalDate.of(2020, 3, 1), Theme.ELECTRONICS, Theme.XINCHUANG, 4, 150, 0.25, 1.4),
            new ParkDef("JKZC", "交科众创园区", "上海交科众创空间管理有限公司", "FUNCTIONAL",
                    "科技服务与众创孵化", List.of("科技服务"),
                    "泗通路", LocalDate.of(2018, 5, 1), Theme.SERVICES, Theme.XINCHUANG, 3, 60, 0.0, 1.1),
            new ParkDef("SJZZ", "泗泾智造产业园", "上海泗泾智造园区管理有限公司", "PLATFORM",
                    "智能制造装备", List.of("智能制造"), "泗宝路", LocalDate.of(2017, 4, 1),
                    Theme.SMART_MFG, Theme.TRADITIONAL_MFG, 8, 300, 0.45, 1.3),
            new ParkDef("JGZN", "九干路智能制造园", "上海九干智能园区发展有限公司", "PLATFORM",
                    "工业机器人与自动化", List.of("智能制造"), "九干路", LocalDate.of(2016, 8, 1),
                    Theme.SMART_MFG, Theme.SMART_MFG, 7, 240, 0.4, 1.1),
            new ParkDef("SZKC", "泗砖路科创园", "上海泗砖科创园区管理有限公司", "PLATFORM",
                    "电子信息与科技服务", List.of("电子信息"), "泗砖公路", LocalDate.of(2018, 1, 1),
                    Theme.ELECTRONICS, Theme.SERVICES, 5, 150, 0.3, 1.0),
            new ParkDef("GLGL", "古楼公路产业园", "上海古楼实业有限公司", "PLATFORM",
                    "传统制造转型升级", List.of("先进制造"), "古楼公路", LocalDate.of(2015, 3, 1),
                    Theme.TRADITIONAL_MFG, Theme.SMART_MFG, 7, 210, 0.4, 1.0),
            new ParkDef("GPGY", "鼓浦路工业园", "上海鼓浦园区管理有限公司", "PLATFORM",
                    "金属制品与通用设备", List.of("先进制造"), "鼓浦路", LocalDate.of(2014, 6, 1),
                    Theme.TRADITIONAL_MFG, Theme.TRADITIONAL_MFG, 6, 180, 0.5, 0.8),
            new ParkDef("SBZZ", "泗宝路智造园", "上海泗宝智造科技有限公司", "PLATFORM",
                    "新能源汽车零部件", List.of("新能源汽车"), "泗宝路", LocalDate.of(2019, 4, 1),
                    Theme.NEV_PARTS, Theme.SMART_MFG, 6, 200, 0.45, 0.9),
            new ParkDef("ZJHS", "张泾河生物医药园", "上海张泾河生物医药园区管理有限公司", "PLATFORM",
                    "生物医药与医疗器械", List.of("生物医药"), "张泾河路", LocalDate.of(2019, 11, 1),
                    Theme.BIOMED, Theme.BIOMED, 5, 170, 0.4, 0.9),
            new ParkDef("WDKJ", "望东路科技园", "上海望东科技园发展有限公司", "PLATFORM",
                    "电子元器件与光电子", List.of("电子信息"), "望东路", LocalDate.of(2017, 9, 1),
                    Theme.ELECTRONICS, Theme.ELECTRONICS, 5, 160, 0.35, 1.0),
            new ParkDef("DSGY", "洞厍路工业园", "上海洞厍实业有限公司", "PLATFORM",
                    "五金塑胶与仓储物流", List.of("先进制造"), "洞厍路", LocalDate.of(2013, 5, 1),
                    Theme.TRADITIONAL_MFG, Theme.SERVICES, 6, 190, 0.45, 0.9),
            new ParkDef("HGDZ", "横港路电子信息园", "上海横港园区运营管理有限公司", "PLATFORM",
                    "通信与电子信息", List.of("信创", "电子信息"), "横港路", LocalDate.of(2020, 1, 1),
                    Theme.XINCHUANG, Theme.ELECTRONICS, 5, 140, 0.3, 1.0),
            new ParkDef("SCCY", "泗陈路产业园", "上海泗陈产业园管理有限公司", "PLATFORM",
                    "智能制造与精密机械", List.of("智能制造"), "泗陈公路", LocalDate.of(2016, 2, 1),
                    Theme.SMART_MFG, Theme.TRADITIONAL_MFG, 6, 200, 0.4, 0.9),
            new ParkDef("STXJ", "泗通路先进制造园", "上海泗通先进制造园区管理有限公司", "PLATFORM",
                    "先进制造", List.of("先进制造"), "泗通路", LocalDate.of(2015, 7, 1),
                    Theme.TRADITIONAL_MFG, Theme.NEV_PARTS, 6, 180, 0.45, 0.8),
            new ParkDef("JCXC", "江川路新材料园", "上海江川园区管理有限公司", "PLATFORM",
                    "新材料与电子化学品", List.of("新材料"), "江川北路", LocalDate.of(2018, 10, 1),
                    Theme.ELECTRONICS, Theme.TRADITIONAL_MFG, 5, 150, 0.4, 0.7),
            new ParkDef("GJKC", "高技路科创园", "上海高技科创园区管理有限公司", "PLATFORM",
                    "生物医药研发与科技服务", List.of("生物医药", "科技服务"), "高技路", LocalDate.of(2021, 3, 1),
                    Theme.BIOMED, Theme.SERVICES, 4, 110, 0.25, 0.8),
            new ParkDef("SJBB", "泗泾北部工业园", "上海泗泾北部园区发展有限公司", "PLATFORM",
                    "园中园整治后的综合性产业园", List.of("先进制造"), "新凯路", LocalDate.of(2012, 9, 1),
                    Theme.TRADITIONAL_MFG, Theme.SERVICES, 8, 260, 0.3, 1.2),
            new ParkDef("HSLB", "沪松公路汽车零部件园", "上海沪松汽配园区管理有限公司", "PLATFORM",
                    "汽车零部件与汽车后市场", List.of("新能源汽车"), "沪松公路", LocalDate.of(2017, 12, 1),
                    Theme.NEV_PARTS, Theme.AUTO_TRADE, 6, 190, 0.4, 0.9),
            new ParkDef("XKKJ", "新凯科技园", "上海新凯科技园管理有限公司", "PLATFORM",
                    "科技服务与数字经济", List.of("科技服务", "信创"), "新凯路", LocalDate.of(2020, 8, 1),
                    Theme.SERVICES, Theme.XINCHUANG, 4, 120, 0.2, 1.0));

    /** The town's "1+4+X" key clusters (see the class comment for what is assumed), and the crypto sub-cluster. */
    record ClusterDef(String code, String name, String tier, String parent, List<Theme> themes, String description) {}

    static final List<ClusterDef> CLUSTERS = List.of(
            new ClusterDef("XC", "信创产业", "1", null, List.of(Theme.XINCHUANG, Theme.CRYPTO),
                    "商用密码、5G、云计算、物联网、大数据"),
            new ClusterDef("NEV", "新能源汽车", "4", null, List.of(Theme.AUTO_TRADE, Theme.NEV_PARTS),
                    "整车交付、零部件与汽车后市场"),
            new ClusterDef("IM", "智能制造装备", "4", null, List.of(Theme.SMART_MFG), "工业机器人、自动化与半导体装备"),
            new ClusterDef("EAI", "电子信息与人工智能", "4", null, List.of(Theme.ELECTRONICS), "电子元器件、光电子、无人机"),
            new ClusterDef("BIO", "生物医药", "4", null, List.of(Theme.BIOMED), "药品、生物制品与医疗器械"),
            new ClusterDef("TS", "科技服务", "X", null, List.of(Theme.SERVICES), "技术推广、知识产权等新兴服务"),
            new ClusterDef("CRYPTO", "G60商用密码产业创新集群", "SUB", "XC", List.of(Theme.CRYPTO),
                    "商用密码产业链上下游企业"));

    /**
     * The article's figures the data must reproduce. These targets steer the generator only: the platform never
     * reads them back, it computes every figure from the stored rows.
     */
    static final int QUALIFIED_HNTE = 142;
    static final int QUALIFIED_SRDI = 52;
    static final int QUALIFIED_LISTED = 40;
    static final int QUALIFIED_TECH_CENTER = 11;
    static final int QUALIFIED_CHAMPION_OR_GIANT = 9;
    static final int QUALIFIED_ACADEMICIAN = 5;
    static final int QUALIFIED_HARDCORE = 2;
    static final int CRYPTO_MEMBERS = 53;
    static final long SLS_TAX_2023_CENTS_OF_WAN = 3_500_00L;      // 3 500 万元, in 0.01 万元
    static final long SLS_SALES_2023_CENTS_OF_WAN = 500_000_00L;  // 50 亿元
    static final long KEY_CLUSTER_REVENUE_2023_CENTS_OF_WAN = 1_968_000_00L; // 196.8 亿元 ("近200亿元")
    static final int ENTERPRISES = 2000;
}
