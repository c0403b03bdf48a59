package org.parkscope.importing;

import static org.parkscope.importing.Field.of;
import static org.parkscope.importing.FieldType.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.parkscope.core.validate.Limits;
import org.parkscope.shared.UserMessage;

/**
 * What can be imported, with its columns, how staged rows resolve to registry ids, which checks run on the whole file,
 * and how rows merge into their table. The SQL reads the temporary table {@code stg} (one text column per field, plus
 * {@code row_no}, the row's number in the user's file) and writes {@code r}.
 */
public enum ImportKind {

    PARKS(List.of(
            of("code", TEXT, true, "园区编码", "编码", "园区代码", "code"),
            of("name", TEXT, false, "园区名称", "名称", "园区", "name"),
            of("operator", TEXT, false, "运营主体", "运营方", "运营单位", "operator"),
            of("kind", PARK_KIND, false, "类型", "园区类型", "kind"),
            of("positioning", TEXT, false, "产业定位", "定位", "positioning"),
            of("tags", TAGS, false, "产业方向", "产业标签", "集群标签", "tags"),
            of("address", TEXT, false, "地址", "address"),
            of("opened_on", DATE, false, "开园日期", "开园时间", "opened on"),
            of("boundary", GEOMETRY, false, "边界", "范围", "边界坐标", "boundary")),
            """
            select s.row_no, s.code, s.name, o.id as operator_id, s.kind, s.positioning,
                   case when s.tags is null then null else string_to_array(s.tags, ',') end as cluster_tags,
                   s.address, cast(s.opened_on as date) as opened_on, cast(s.boundary as jsonb) as boundary,
                   (select id from region where level = 'TOWN' order by id limit 1) as region_id
            from stg s left join park_operator o on o.name = s.operator
            """,
            List.of(
                    Check.error("name", "import.check.newPark",
                            "select r.row_no, r.name from r where r.name is null and not exists"
                                    + " (select 1 from park p where p.code = r.code)"),
                    Check.error("code", "import.check.noTown",
                            "select r.row_no, r.code from r where r.region_id is null")),
            new Merge("park", "park", List.of("code"), List.of(
                    Merge.col("name"), Merge.col("operator_id"), Merge.col("kind", "'PLATFORM'"),
                    Merge.col("positioning"), Merge.col("cluster_tags", "'{}'"), Merge.col("address"),
                    Merge.col("opened_on"), Merge.col("boundary"), Merge.col("region_id")))),

    PARCELS(List.of(
            of("certificate_no", TEXT, true, "不动产权证号", "土地证号", "宗地编号", "证号", "certificate no"),
            of("park", TEXT, true, "所属园区", "园区", "园区编码", "park"),
            of("area", AREA, false, "宗地面积", "土地面积", "面积", "area"),
            of("land_use", TEXT, false, "土地用途", "用途", "land use"),
            of("rights_holder_name", TEXT, false, "权利人", "土地权利人", "rights holder"),
            of("rights_holder_uscc", USCC, false, "权利人统一社会信用代码", "权利人信用代码", "rights holder uscc"),
            of("granted_on", DATE, false, "出让日期", "取得日期", "granted on"),
            of("term_ends_on", DATE, false, "使用期限至", "到期日期", "term ends on"),
            of("address", TEXT, false, "坐落", "地址", "address"),
            of("geometry", GEOMETRY, false, "宗地范围", "范围", "坐标", "geometry")),
            """
            select s.row_no, s.certificate_no, p.id as park_id, s.park as park_raw, cast(s.area as numeric) as area_m2,
                   s.land_use, s.rights_holder_name, e.id as rights_holder_id, s.rights_holder_uscc,
                   cast(s.granted_on as date) as granted_on, cast(s.term_ends_on as date) as term_ends_on, s.address,
                   cast(s.geometry as jsonb) as geometry
            from stg s
            left join park p on p.code = s.park or p.name = s.park
            left join enterprise e on e.uscc = s.rights_holder_uscc
            """,
            List.of(
                    Check.error("park", "import.check.noSuchPark",
                            "select row_no, park_raw from r where park_id is null"),
                    Check.warning("rights_holder_uscc", "import.check.holderNotRegistered",
                            "select row_no, rights_holder_uscc from r where rights_holder_uscc is not null and rights_holder_id is null"),
                    Check.error("area", "import.check.newParcel",
                            "select r.row_no, r.certificate_no from r where (r.area_m2 is null or r.land_use is null"
                                    + " or r.rights_holder_name is null) and not exists (select 1 from parcel pa"
                                    + " where pa.certificate_no = r.certificate_no)"),
                    Check.error("term_ends_on", "check.dateOrder",
                            "select row_no, term_ends_on::text from r where term_ends_on < granted_on"),
                    Check.warning("area", "import.check.areaDiffers",
                            "select r.row_no, r.area_m2::text from r join parcel pa on pa.certificate_no = r.certificate_no"
                                    + " where r.area_m2 is not null and abs(r.area_m2 - pa.area_m2) > 0.2 * pa.area_m2")),
            new Merge("parcel", "parcel", List.of("certificate_no"), List.of(
                    Merge.col("park_id"), Merge.col("area_m2"), Merge.col("land_use"), Merge.col("rights_holder_name"),
                    Merge.col("rights_holder_id"), Merge.col("granted_on"), Merge.col("term_ends_on"),
                    Merge.col("address"), Merge.col("geometry")))),

    BUILDINGS(List.of(
            of("parcel", TEXT, true, "不动产权证号", "宗地", "证号", "parcel certificate"),
            of("name", TEXT, true, "楼宇名称", "楼号", "建筑名称", "building"),
            of("floors", INTEGER, false, "层数", "floors"),
            of("floor_area", AREA, false, "建筑面积", "floor area"),
            of("completed_year", INTEGER, false, "竣工年份", "建成年份", "completed")),
            """
            select s.row_no, pa.id as parcel_id, s.parcel as parcel_raw, pa.park_id, s.name,
                   cast(s.floors as int) as floors, cast(s.floor_area as numeric) as floor_area_m2,
                   cast(s.completed_year as int) as completed_year
            from stg s left join parcel pa on pa.certificate_no = s.parcel
            """,
            List.of(
                    Check.error("parcel", "import.check.noSuchParcel",
                            "select row_no, parcel_raw from r where parcel_id is null"),
                    Check.error("floor_area", "import.check.newBuilding",
                            "select r.row_no, r.name from r where r.parcel_id is not null and (r.floors is null"
                                    + " or r.floor_area_m2 is null) and not exists (select 1 from building b"
                                    + " where b.parcel_id = r.parcel_id and b.name = r.name)")),
            new Merge("building", "building", List.of("parcel_id", "name"), List.of(
                    Merge.col("park_id"), Merge.col("floors"), Merge.col("floor_area_m2"),
                    Merge.col("completed_year")))),

    FLOOR_SPACES(List.of(
            of("parcel", TEXT, true, "不动产权证号", "宗地", "证号", "parcel certificate"),
            of("building", TEXT, true, "楼宇名称", "楼号", "building"),
            of("label", TEXT, true, "房号", "单元", "房间号", "unit"),
            of("floor_no", INTEGER, false, "楼层", "所在层", "floor"),
            of("area", AREA, false, "面积", "建筑面积", "area"),
            of("use", TEXT, false, "用途", "use"),
            of("floor_load", DECIMAL, false, "楼面荷载(kN/m²)", "楼面荷载", "荷载", "floor load").range(new BigDecimal("0.1"), Limits.MAX_FLOOR_LOAD),
            of("clear_height", DECIMAL, false, "净高(m)", "净高", "clear height").range(new BigDecimal("0.01"), Limits.MAX_CLEAR_HEIGHT),
            of("rent", DECIMAL, false, "租金(元/m²/天)", "租金", "报价", "rent").range(BigDecimal.ZERO, Limits.MAX_RENT),
            of("available_from", DATE, false, "可入驻日期", "可租日期", "available from")),
            """
            select s.row_no, b.id as building_id, s.building as building_raw, b.park_id, s.label,
                   cast(s.floor_no as int) as floor_no, cast(s.area as numeric) as area_m2, s.use,
                   cast(s.floor_load as numeric) as floor_load_kn_m2, cast(s.clear_height as numeric) as clear_height_m,
                   cast(s.rent as numeric) as rent_yuan_m2_day, cast(s.available_from as date) as available_from
            from stg s
            left join parcel pa on pa.certificate_no = s.parcel
            left join building b on b.parcel_id = pa.id and b.name = s.building
            """,
            List.of(
                    Check.error("building", "import.check.noSuchBuilding",
                            "select row_no, building_raw from r where building_id is null"),
                    Check.error("area", "import.check.newUnit",
                            "select r.row_no, r.label from r where r.building_id is not null and (r.floor_no is null"
                                    + " or r.area_m2 is null) and not exists (select 1 from floor_space f"
                                    + " where f.building_id = r.building_id and f.label = r.label)")),
            new Merge("floor_space", "floor_space", List.of("building_id", "label"), List.of(
                    Merge.col("park_id"), Merge.col("floor_no"), Merge.col("area_m2"), Merge.col("use", "'厂房'"),
                    Merge.col("floor_load_kn_m2"), Merge.col("clear_height_m"), Merge.col("rent_yuan_m2_day"),
                    Merge.col("available_from")))),

    ENTERPRISES(List.of(
            of("uscc", USCC, true, "统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "企业信用代码", "credit code", "uscc"),
            of("name", TEXT, false, "企业名称", "名称", "单位名称", "企业", "name"),
            of("industry_code", INDUSTRY, false, "行业代码", "国民经济行业代码", "行业小类代码", "industry code"),
            of("size_class", SIZE_CLASS, false, "企业规模", "规模", "size class"),
            of("above_scale", BOOLEAN, false, "是否规上", "规上", "规模以上", "above scale"),
            of("hq", BOOLEAN, false, "是否总部", "总部", "hq"),
            of("hq_kind", TEXT, false, "总部类型", "hq kind"),
            of("status", STATUS, false, "经营状态", "状态", "status"),
            of("registered_on", DATE, false, "成立日期", "注册日期", "registered on"),
            of("park", TEXT, false, "所属园区", "园区", "park"),
            of("tax_region_code", TEXT, false, "纳税地区划代码", "纳税地", "tax region"),
            of("sei_codes", TAGS, false, "战略性新兴产业分类", "战新分类", "sei codes"),
            of("business_scope", TEXT, false, "经营范围", "business scope"),
            of("main_products", TEXT, false, "主营产品", "主要产品", "main products"),
            of("reason", TEXT, false, "校验码例外说明", "例外说明", "reason")),
            """
            select s.row_no, s.uscc, s.name, s.industry_code, s.size_class, cast(s.above_scale as boolean) as above_scale,
                   cast(s.hq as boolean) as hq, s.hq_kind, s.status, cast(s.registered_on as date) as registered_on,
                   p.id as park_id, s.park as park_raw, s.tax_region_code,
                   case when s.sei_codes is null then null else string_to_array(s.sei_codes, ',') end as sei_codes,
                   s.business_scope, s.main_products
            from stg s left join park p on p.code = s.park or p.name = s.park
            """,
            List.of(
                    Check.error("park", "import.check.noSuchPark",
                            "select row_no, park_raw from r where park_raw is not null and park_id is null"),
                    Check.error("name", "import.check.newEnterprise",
                            "select r.row_no, r.uscc from r where (r.name is null or r.industry_code is null)"
                                    + " and not exists (select 1 from enterprise e where e.uscc = r.uscc)")),
            new Merge("enterprise", "enterprise", List.of("uscc"), List.of(
                    Merge.col("name"), Merge.col("industry_code"), Merge.col("size_class"),
                    Merge.col("above_scale", "false"), Merge.col("hq", "false"), Merge.col("hq_kind"),
                    Merge.col("status", "'ACTIVE'"), Merge.col("registered_on"), Merge.col("park_id"),
                    Merge.col("tax_region_code"), Merge.col("sei_codes", "'{}'"), Merge.col("business_scope"),
                    Merge.col("main_products")))),

    OCCUPANCY(List.of(
            of("uscc", USCC, true, "统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "企业信用代码", "credit code", "uscc"),
            of("parcel", TEXT, true, "不动产权证号", "宗地", "证号", "parcel certificate"),
            of("role", ROLE, true, "身份", "使用方式", "角色", "role"),
            of("landlord_uscc", USCC, false, "出租方统一社会信用代码", "出租方信用代码", "landlord uscc"),
            of("building", TEXT, false, "楼宇名称", "楼号", "building"),
            of("floor_label", TEXT, false, "房号", "单元", "unit"),
            of("leased_area", AREA, false, "租赁面积", "承租面积", "leased area"),
            of("valid_from", DATE, true, "起租日期", "起始日期", "from"),
            of("valid_to", DATE, false, "止租日期", "到期日期", "to")),
            """
            select s.row_no, e.id as enterprise_id, s.uscc, pa.id as parcel_id, s.parcel as parcel_raw, pa.park_id,
                   s.role, l.id as landlord_id, s.landlord_uscc, b.id as building_id, s.building as building_raw,
                   f.id as floor_space_id, s.floor_label, cast(s.leased_area as numeric) as leased_area_m2,
                   cast(s.valid_from as date) as valid_from, cast(s.valid_to as date) as valid_to,
                   e.tax_region_code, b.floor_area_m2 as building_floor_area
            from stg s
            left join enterprise e on e.uscc = s.uscc
            left join parcel pa on pa.certificate_no = s.parcel
            left join enterprise l on l.uscc = s.landlord_uscc
            left join building b on b.parcel_id = pa.id and b.name = s.building
            left join floor_space f on f.building_id = b.id and f.label = s.floor_label
            """,
            List.of(
                    Check.error("uscc", "import.check.enterpriseNotRegistered",
                            "select row_no, uscc from r where enterprise_id is null"),
                    Check.error("parcel", "import.check.noSuchParcel",
                            "select row_no, parcel_raw from r where parcel_id is null"),
                    Check.error("landlord_uscc", "import.check.landlordNotRegistered",
                            "select row_no, landlord_uscc from r where landlord_uscc is not null and landlord_id is null"),
                    Check.error("building", "import.check.noSuchBuilding",
                            "select row_no, building_raw from r where building_raw is not null and building_id is null"),
                    Check.error("floor_label", "import.check.noSuchUnit",
                            "select row_no, floor_label from r where floor_label is not null and floor_space_id is null"),
                    Check.error("landlord_uscc", "check.selfLease",
                            "select row_no, landlord_uscc from r where landlord_uscc = uscc"),
                    Check.error("valid_to", "check.dateOrder",
                            "select row_no, valid_to::text from r where valid_to < valid_from"),
                    Check.error("leased_area", "import.check.leasedArea",
                            "select row_no, uscc from r where role = 'TENANT' and leased_area_m2 is null"),
                    Check.warning("leased_area", "import.check.leasedExceeds",
                            "select row_no, leased_area_m2::text from r where leased_area_m2 > building_floor_area"),
                    Check.warning("uscc", "import.check.taxOutside",
                            "select r.row_no, r.tax_region_code from r where r.role = 'TENANT' and r.tax_region_code"
                                    + " is not null and r.tax_region_code not in (select code from region where level = 'TOWN')")),
            new Merge("occupancy", "occupancy", List.of("enterprise_id", "parcel_id", "role", "valid_from"), List.of(
                    Merge.col("park_id"), Merge.col("building_id"), Merge.col("floor_space_id"),
                    Merge.col("landlord_id"), Merge.col("leased_area_m2"), Merge.col("valid_to")))),

    QUALIFICATIONS(List.of(
            of("uscc", USCC, true, "统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "企业信用代码", "credit code", "uscc"),
            of("type", QUALIFICATION_TYPE, true, "资质类型", "资质", "类型", "type"),
            of("level", TEXT, false, "级别", "level"),
            of("certificate_no", TEXT, false, "证书编号", "证书号", "certificate no"),
            of("issued_on", DATE, true, "认定日期", "发证日期", "认定时间", "issued on"),
            of("expires_on", DATE, false, "有效期至", "到期日期", "expires on"),
            of("note", TEXT, false, "备注", "note")),
            """
            select s.row_no, e.id as enterprise_id, s.uscc, s.type, s.level, s.certificate_no,
                   cast(s.issued_on as date) as issued_on, cast(s.expires_on as date) as expires_on, s.note
            from stg s left join enterprise e on e.uscc = s.uscc
            """,
            List.of(
                    Check.error("uscc", "import.check.enterpriseNotRegistered",
                            "select row_no, uscc from r where enterprise_id is null"),
                    Check.error("expires_on", "import.check.expiresBeforeIssued",
                            "select row_no, expires_on::text from r where expires_on < issued_on")),
            new Merge("qualification", "qualification", List.of("enterprise_id", "type", "issued_on"), List.of(
                    Merge.col("level"), Merge.col("certificate_no"), Merge.col("expires_on"), Merge.col("note")))),

    LAND_CONTRACTS(List.of(
            of("parcel", TEXT, true, "不动产权证号", "宗地", "证号", "parcel certificate"),
            of("contract_no", TEXT, true, "合同编号", "出让合同编号", "contract number"),
            of("kind", TEXT, false, "合同类型", "类型", "kind"),
            of("signed_on", DATE, false, "签约日期", "签订日期", "signed on"),
            of("construction_start_due", DATE, false, "约定开工日期", "start due"),
            of("completion_due", DATE, false, "约定竣工日期", "completion due"),
            of("completed_on", DATE, false, "实际竣工日期", "竣工日期", "completed on"),
            of("term_ends_on", DATE, false, "出让期满日期", "期满日期", "term ends"),
            of("note", TEXT, false, "备注", "note")),
            """
            select s.row_no, pa.id as parcel_id, s.parcel as parcel_raw, s.contract_no, s.kind as kind_raw,
                   case when s.kind is null then null when s.kind in ('标准地', 'STANDARD') then 'STANDARD'
                        when s.kind in ('全生命周期', '全生命周期管理', 'LIFECYCLE') then 'LIFECYCLE'
                        when s.kind in ('出让', '出让合同', 'GRANT') then 'GRANT' when s.kind in ('租赁', 'LEASE') then 'LEASE'
                        else '?' end as kind,
                   cast(s.signed_on as date) as signed_on, cast(s.construction_start_due as date) as construction_start_due,
                   cast(s.completion_due as date) as completion_due, cast(s.completed_on as date) as completed_on,
                   cast(s.term_ends_on as date) as term_ends_on, s.note
            from stg s left join parcel pa on pa.certificate_no = s.parcel
            """,
            List.of(
                    Check.error("parcel", "import.check.noSuchParcel",
                            "select row_no, parcel_raw from r where parcel_id is null"),
                    Check.error("kind", "import.check.contractKind",
                            "select row_no, kind_raw from r where kind = '?'"),
                    Check.error("signed_on", "import.check.newContract",
                            "select r.row_no, r.contract_no from r where (r.kind is null or r.signed_on is null)"
                                    + " and not exists (select 1 from land_contract c where c.contract_no = r.contract_no)"),
                    Check.error("completion_due", "check.dateOrder",
                            "select row_no, completion_due::text from r where completion_due < construction_start_due"),
                    Check.error("completed_on", "import.check.completedBeforeSigned",
                            "select row_no, completed_on::text from r where completed_on < signed_on"),
                    Check.error("contract_no", "import.check.contractElsewhere",
                            "select r.row_no, r.contract_no from r join land_contract c on c.contract_no = r.contract_no"
                                    + " where c.parcel_id <> r.parcel_id")),
            new Merge("land_contract", "land_contract", List.of("contract_no"), List.of(
                    Merge.col("parcel_id"), Merge.col("kind"), Merge.col("signed_on"),
                    Merge.col("construction_start_due"), Merge.col("completion_due"), Merge.col("completed_on"),
                    Merge.col("term_ends_on"), Merge.col("note")))),

    LAND_OBLIGATIONS(List.of(
            of("contract_no", TEXT, true, "合同编号", "出让合同编号", "contract number"),
            of("metric", TEXT, true, "约定指标", "指标", "metric"),
            of("target", DECIMAL, true, "目标值", "约定值", "target"),
            of("unit", TEXT, false, "单位", "unit"),
            of("event", TEXT, false, "起算节点", "检查起点", "event"),
            of("offset_years", INTEGER, false, "首次检查(年)", "达产检查年限", "offset years"),
            of("every_years", INTEGER, false, "评估周期(年)", "评估周期", "every years"),
            of("tolerance", DECIMAL, false, "容差(%)", "容差", "tolerance"),
            of("consequence", TEXT, false, "未达约定的处理", "违约处理", "consequence")),
            """
            select s.row_no, c.id as contract_id, s.contract_no, s.metric as metric_raw,
                   case when s.metric in ('税收', '亩均税收', 'TAX') then 'TAX'
                        when s.metric in ('产值', '亩均产值', '工业总产值', 'OUTPUT') then 'OUTPUT'
                        when s.metric in ('营收', '营业收入', '亩均营收', 'REVENUE') then 'REVENUE'
                        when s.metric in ('能耗', '综合能耗', 'ENERGY') then 'ENERGY'
                        else '?' end as metric,
                   case when s.metric in ('税收', '亩均税收', 'TAX') then '亩均税收'
                        when s.metric in ('产值', '亩均产值', '工业总产值', 'OUTPUT') then '亩均产值'
                        when s.metric in ('营收', '营业收入', '亩均营收', 'REVENUE') then '亩均营收'
                        else '综合能耗' end as label,
                   cast(s.target as numeric) as target, coalesce(s.unit, '万元/亩') as unit,
                   coalesce(s.unit, '万元/亩') like '%/亩' as per_mu,
                   s.metric in ('能耗', '综合能耗', 'ENERGY') as at_most,
                   case when s.event is null or s.event in ('竣工', 'COMPLETION') then 'COMPLETION'
                        when s.event in ('签约', 'SIGNING') then 'SIGNING' else '?' end as event, s.event as event_raw,
                   coalesce(cast(s.offset_years as int), 3) as offset_years, cast(s.every_years as int) as every_years,
                   cast(s.tolerance as numeric) / 100 as tolerance, s.consequence
            from stg s left join land_contract c on c.contract_no = s.contract_no
            """,
            List.of(
                    Check.error("contract_no", "import.check.contractNotRegistered",
                            "select row_no, contract_no from r where contract_id is null"),
                    Check.error("metric", "import.check.obligationMetric",
                            "select row_no, metric_raw from r where metric = '?'"),
                    Check.error("event", "import.check.obligationEvent",
                            "select row_no, event_raw from r where event = '?'"),
                    Check.error("target", "import.check.targetPositive",
                            "select row_no, target::text from r where target <= 0"),
                    Check.error("tolerance", "import.check.tolerance",
                            "select row_no, (tolerance * 100)::text from r where tolerance < 0 or tolerance >= 1")),
            new Merge("land_obligation", "land_obligation", List.of("contract_id", "metric", "event", "offset_years"),
                    List.of(Merge.col("label"), Merge.col("target"), Merge.col("unit"), Merge.col("per_mu"),
                            Merge.col("at_most"), Merge.col("every_years", "0"), Merge.col("tolerance", "0"),
                            Merge.col("consequence")))),

    INDICATORS(List.of(
            of("uscc", USCC, true, "统一社会信用代码", "信用代码", "社会信用代码", "统一代码", "企业信用代码", "credit code", "uscc"),
            of("name", TEXT, false, "企业名称", "单位名称", "名称", "name"),
            of("period", PERIOD, false, "期间", "年度", "年份", "月份", "统计期", "period"),
            of("metric", METRIC, false, "指标", "指标名称", "metric"),
            of("value", DECIMAL, false, "数值", "值", "value"),
            of("unit", UNIT, false, "单位", "计量单位", "unit"),
            of("department", DEPARTMENT, false, "来源部门", "数据来源", "部门", "source")),
            """
            select s.row_no, e.id as enterprise_id, s.uscc, s.name, e.name as registered_name, s.period, s.metric,
                   cast(s.value as numeric) as value, s.unit, s.department as source_department
            from stg s left join enterprise e on e.uscc = s.uscc
            """,
            List.of(
                    Check.error("uscc", "import.check.enterpriseNotRegistered",
                            "select row_no, uscc from r where enterprise_id is null"),
                    Check.warning("name", "import.check.nameDiffers",
                            "select row_no, name from r where name is not null and registered_name is not null"
                                    + " and name <> registered_name"),
                    Check.warning("value", "import.check.taxExceedsRevenue",
                            "select t.row_no, t.value::text from r t join r v on v.enterprise_id = t.enterprise_id"
                                    + " and v.period = t.period and v.metric = 'REVENUE' where t.metric = 'TAX'"
                                    + " and t.value > v.value")),
            new Merge("indicator_value", "indicator_value", List.of("enterprise_id", "period", "metric"), List.of(
                    Merge.col("value"), Merge.col("unit"), Merge.col("source_department"))));

    private final List<Field> fields;
    private final String resolveSql;
    private final List<Check> checks;
    private final Merge merge;
    private final List<String> stagingColumns;

    ImportKind(List<Field> fields, String resolveSql, List<Check> checks, Merge merge) {
        this.fields = fields;
        this.resolveSql = resolveSql;
        this.checks = checks;
        this.merge = merge;
        this.stagingColumns = fields.stream().map(Field::key).toList();
    }

    /** The kind's name ({@code importKind.PARKS} …), in the reader's language. */
    public UserMessage label() {
        return UserMessage.of("importKind." + name());
    }

    public List<Field> fields() {
        return fields;
    }

    String resolveSql() {
        return resolveSql;
    }

    List<Check> checks() {
        return checks;
    }

    Merge merge() {
        return merge;
    }

    /** The staging columns, in the order rows are copied. */
    List<String> stagingColumns() {
        return stagingColumns;
    }

    /** Parses "indicators", "INDICATORS", "指标数据" …. */
    public static ImportKind parse(String s) {
        for (ImportKind k : values()) {
            if (k.name().equalsIgnoreCase(s.replace('-', '_')) || k.label().text(Locale.SIMPLIFIED_CHINESE).equals(s)
                    || k.label().text(Locale.ENGLISH).equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new ImportException("kind.unknown", s, java.util.Arrays.toString(values()));
    }
}
