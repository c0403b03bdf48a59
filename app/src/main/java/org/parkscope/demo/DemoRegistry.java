package org.parkscope.demo;

import static org.parkscope.demo.DemoCatalog.LAST_YEAR;

import java.util.List;
import java.util.stream.Collectors;
import org.parkscope.core.code.Uscc;
import org.parkscope.demo.DemoCatalog.Industry;
import org.parkscope.demo.DemoCatalog.Theme;
import org.parkscope.demo.DemoModel.Building;
import org.parkscope.demo.DemoModel.Ent;
import org.parkscope.demo.DemoModel.Parcel;
import org.parkscope.demo.DemoModel.Park;

/**
 * A town's registry of enterprises: the firms the article names where it puts them, a holder for every parcel (an
 * owner-occupier, or a landlord that sublets), tenants spread over the sublet parcels by each park's weight, valid
 * and unique 统一社会信用代码 and names, and each firm's unit of floor space.
 */
final class DemoRegistry {

    private final DemoTown town;

    DemoRegistry(DemoTown town) {
        this.town = town;
    }

    void build() {
        // Known firms named in the article, placed where the article puts them.
        Park xc = town.park("G60XC"), mm = town.park("G60MM"), jg = town.park("JGZN"), sls = town.park("SLS");
        Ent quectel = known("上海移远通信技术股份有限公司", "3922", "1.1", Theme.XINCHUANG, xc, "OWNER_OCCUPIER", 2012);
        quectel.hq = true;
        quectel.hqKind = "全球总部；首批上海市创新型企业总部";
        Ent transcom = known("创远信科(上海)技术股份有限公司", "4028", "1.1", Theme.XINCHUANG, xc, "OWNER_OCCUPIER", 2005);
        transcom.hq = true;
        transcom.hqKind = "创远集团总部";
        known("智巡密码(上海)检测技术有限公司", "7452", "1.4", Theme.CRYPTO, mm, "TENANT", 2021);
        Ent comau = known("柯马(上海)工程有限公司", "3491", "2.1", Theme.SMART_MFG, jg, "OWNER_OCCUPIER", 2006);
        comau.hq = true;
        comau.hqKind = "亚太区总部";

        Park jg168early = town.park("JG168");
        jg168early.parcels.get(0).sublet = true; // Xiaomi's delivery centre rents there
        // Parcel holders: an owner-occupier (one firm on the whole parcel) or a landlord that sublets.
        for (Park park : town.parks) {
            for (Parcel p : park.parcels) {
                if (park.def.code().equals("SLS")) {
                    p.holderName = "中船科技股份有限公司"; // landowner outside the town; the operator sublets
                    continue;
                }
                Ent existing = town.ents.stream().filter(e -> e.parcel == p).findFirst().orElse(null);
                if (existing != null && existing.role.equals("OWNER_OCCUPIER")) {
                    p.sublet = false;
                    p.holder = existing;
                } else {
                    Theme t = p.sublet ? Theme.TRADITIONAL_MFG : town.rnd.nextDouble() < 0.75 ? park.def.theme() : park.def.secondTheme();
                    Ent holder = newEnt(t, park, p, p.sublet ? "LANDLORD" : "OWNER_OCCUPIER", 1995 + town.rnd.nextInt(20));
                    p.holder = holder;
                }
                p.holderName = p.holder.name;
            }
        }
        // 手拉手: the operator rents the whole site from 中船科技 and sublets it.
        Ent operator = known("上海手牵手科技发展有限公司", "7221", "", Theme.AUTO_TRADE, sls, "LANDLORD", 2019);
        operator.parcel = sls.parcels.get(0);
        for (Parcel p : sls.parcels) {
            p.sublet = true;
        }
        // Fix the known firms' parcels so that none collides with another owner.
        Ent crypto = town.ents.stream().filter(e -> e.name.startsWith("智巡")).findFirst().orElseThrow();
        crypto.parcel = mm.parcels.get(0);

        // 手拉手汽车港: four delivery centres, more than ten brands, parts and services.
        String[] slsBrands = {"极氪", "长安深蓝", "赛力斯", "大运", "岚图", "智己", "阿维塔", "零跑", "哪吒", "小鹏", "埃安",
            "极狐", "飞凡", "坦克"};
        for (int i = 0; i < slsBrands.length; i++) {
            String name = "上海" + slsBrands[i] + (i < 4 ? "新能源汽车交付中心有限公司" : "汽车销售服务有限公司");
            Ent e = known(name, "5261", "5.4", Theme.AUTO_TRADE, sls, "TENANT", 2020 + Math.min(3, i / 4));
            e.parcel = sls.parcels.get(i % sls.parcels.size());
        }
        for (int i = 0; i < 14; i++) {
            Ent e = newEnt(Theme.AUTO_TRADE, sls, sls.parcels.get(i % sls.parcels.size()), "TENANT", 2020 + town.rnd.nextInt(4));
            e.taxLocal = true;
        }
        Park jg168 = town.park("JG168");
        Ent xiaomi = known("小米汽车销售(上海)有限公司泗泾交付中心", "5261", "5.4", Theme.AUTO_TRADE, jg168, "TENANT", 2023);
        xiaomi.parcel = jg168.parcels.get(0);

        // Tenants fill the rest, spread over the sublet parcels by each park's weight.
        List<Parcel> sublet = town.parks.stream().filter(p -> !p.def.code().equals("SLS"))
                .flatMap(p -> p.parcels.stream()).filter(p -> p.sublet).collect(Collectors.toList());
        double[] weights = sublet.stream().mapToDouble(p -> p.park.def.weight() * Math.sqrt(p.areaCentiM2)).toArray();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        while (town.ents.size() < DemoCatalog.ENTERPRISES) {
            double r = town.rnd.nextDouble() * total;
            int k = 0;
            while (k < weights.length - 1 && (r -= weights[k]) > 0) {
                k++;
            }
            Parcel p = sublet.get(k);
            Theme t = town.rnd.nextDouble() < 0.7 ? p.park.def.theme() : p.park.def.secondTheme();
            Ent e = newEnt(t, p.park, p, "TENANT", 2005 + town.rnd.nextInt(19));
            e.taxLocal = town.rnd.nextDouble() >= 0.07; // some 园中园 tenants pay their tax outside the town
        }
        // Every tenant rents from its parcel's holder (or, in 手拉手, from the operator).
        for (Ent e : town.ents) {
            if (e.role.equals("TENANT")) {
                e.landlord = e.park == sls ? operator : e.parcel.holder;
            }
        }
        assignFloorSpace();
    }

    private Ent known(String name, String industry, String sei, Theme theme, Park park, String role, int year) {
        Ent e = new Ent();
        e.id = ++town.shared.enterprises;
        e.name = name;
        town.shared.usedNames.add(name);
        e.industry = new Industry(industry, sei, new String[] {""});
        e.theme = theme;
        e.park = park;
        e.role = role;
        e.parcel = park.parcels.get(town.ents.size() % park.parcels.size());
        e.registeredYear = year;
        e.uscc = mintUscc();
        e.known = true;
        // A further town of a district or city has its own firms: the article's real ones keep only their rules.
        e.shownName = town.site.isDemo() ? name : mintName(DemoCatalog.INDUSTRIES.get(theme).get(0));
        finishEnt(e);
        town.ents.add(e);
        if (role.equals("OWNER_OCCUPIER")) {
            e.parcel.holder = e;
            e.parcel.sublet = false;
        }
        return e;
    }

    private Ent newEnt(Theme theme, Park park, Parcel parcel, String role, int year) {
        List<Industry> pool = DemoCatalog.INDUSTRIES.get(theme);
        Industry ind = pool.get(town.rnd.nextInt(pool.size()));
        Ent e = new Ent();
        e.id = ++town.shared.enterprises;
        e.industry = ind;
        e.theme = theme;
        e.park = park;
        e.parcel = parcel;
        e.role = role;
        e.registeredYear = Math.min(LAST_YEAR, year);
        e.uscc = mintUscc();
        e.name = mintName(ind);
        e.shownName = e.name;
        finishEnt(e);
        town.ents.add(e);
        return e;
    }

    private void finishEnt(Ent e) {
        e.section = town.shared.industryCodes.sectionOf(e.industry.code());
        if (town.shared.industryCodes.find(e.industry.code()).isEmpty()) {
            throw new IllegalStateException("Demo industry code " + e.industry.code() + " is not in GB/T 4754-2017");
        }
        e.industrial = town.shared.industryCodes.isIndustrial(e.industry.code());
    }

    private static final String BRAND = "泓睿恒瑞晟鼎博源德华昊宇凯嘉新锐启航智联信达远拓朗卓璟铭泰丰沛鸿盛坤乾晖煜展弘誉同和汇众川峰";

    private String mintName(Industry ind) {
        for (int attempt = 0; ; attempt++) {
            String brand = "" + BRAND.charAt(town.rnd.nextInt(BRAND.length())) + BRAND.charAt(town.rnd.nextInt(BRAND.length()));
            if (!town.site.isDemo() && attempt >= 3) { // a city needs more names than two brand characters give
                brand += BRAND.charAt(town.rnd.nextInt(BRAND.length()));
            }
            String word = ind.words()[town.rnd.nextInt(ind.words().length)];
            String suffix = town.rnd.nextDouble() < 0.08 ? "股份有限公司" : "有限公司";
            String name = (town.rnd.nextDouble() < 0.85 ? "上海" + brand : brand + "(上海)") + word + suffix;
            if (town.shared.usedNames.add(name)) {
                return name;
            }
            if (attempt > 50) {
                throw new IllegalStateException("Could not mint a unique demo enterprise name");
            }
        }
    }

    private static final String BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private String mintUscc() {
        while (true) {
            StringBuilder sb = new StringBuilder("9131" + town.site.countyCode().substring(2));
            for (int i = 0; i < 8; i++) {
                sb.append(BODY.charAt(town.rnd.nextInt(BODY.length())));
            }
            String code = Uscc.complete(sb.toString());
            if (code.indexOf('/') < 0 && Uscc.check(code, false).ok() && town.shared.usedUscc.add(code)) {
                return code;
            }
        }
    }

    /** Each tenant gets one unit in a building of its parcel; buildings grow to hold what is let in them. */
    private void assignFloorSpace() {
        for (Ent e : town.ents) {
            List<Building> bs = e.parcel.buildings;
            Building b = bs.get(town.rnd.nextInt(bs.size()));
            e.building = b;
            if (e.role.equals("TENANT")) {
                long area = e.theme == Theme.AUTO_TRADE ? 150000 + town.rnd.nextInt(450000)
                        : Math.round(Math.exp(Math.log(600) + town.rnd.nextGaussian() * 0.7) * 100);
                e.leasedCenti = Math.max(3000, area);
                b.leasedCenti += e.leasedCenti;
                b.units++;
            }
        }
        for (Park park : town.parks) {
            for (Parcel p : park.parcels) {
                for (Building b : p.buildings) {
                    long needed = Math.round(b.leasedCenti / 0.85);
                    if (b.floorAreaCenti < needed) {
                        b.floorAreaCenti = needed;
                    }
                }
            }
        }
    }
}
