package org.parkscope.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry's qualification types, in one place: the code stored in {@code qualification.type}, its names
 * ({@code qualification.type.<CODE>} in the message files; the Chinese name is the title chain files use), the other
 * names an imported file may give it (data to match, not text to show), and whether chain definitions place firms by
 * it. Used by the importer, the enterprise edit form and the chains.
 */
public enum QualificationType {
    HNTE(false, "高企", "国家高新技术企业"),
    SRDI(false, "专精特新", "专精特新企业", "专精特新中小企业"),
    LITTLE_GIANT(false, "专精特新小巨人", "小巨人", "专精特新“小巨人”"),
    CHAMPION(false, "单项冠军", "制造业单项冠军"),
    SH_TECH_GIANT(false, "科技小巨人", "上海市科技小巨人"),
    LISTED(false, "上市挂牌", "上市", "挂牌", "上市企业"),
    TECH_CENTER(false, "企业技术中心", "技术中心"),
    ACADEMICIAN_STATION(false, "院士专家工作站", "院士工作站", "院士专家服务中心"),
    HARDCORE_TOP100(false, "上海硬核科技企业top100", "硬核科技top100"),
    IP_DEMONSTRATION(false, "国家知识产权示范企业", "知识产权示范企业"),
    CRYPTO_PRODUCT_CERT(true, "商用密码产品认证证书", "密码产品认证"),
    CRYPTO_TEST_LAB(true, "商用密码检测机构", "密码检测机构"),
    CRYPTO_CERT_BODY(true, "商用密码认证机构", "密码认证机构"),
    ECA_LICENSE(true, "电子认证服务许可"),
    ECA_CRYPTO_LICENSE(true, "电子认证服务使用密码许可"),
    TELECOM_BASIC_LICENSE(true, "基础电信业务许可证"),
    TELECOM_VAS_LICENSE(true, "增值电信业务许可证", "icp许可证"),
    BATTERY_WHITELIST(true, "动力电池综合利用白名单", "废旧动力蓄电池白名单"),
    SH_DATA_MERCHANT(true, "数商");

    private final boolean namedByChains;
    private final List<String> otherNames;

    QualificationType(boolean namedByChains, String... otherNames) {
        this.namedByChains = namedByChains;
        this.otherNames = List.of(otherNames);
    }

    /** The type's name in a language, from the message files. */
    public String title(Locale locale) {
        return UserMessage.of("qualification.type." + name()).text(locale);
    }

    /** Every name an imported cell may use for this type: its Chinese title, the other names and the code. */
    public List<String> names() {
        List<String> all = new java.util.ArrayList<>(List.of(title(Locale.SIMPLIFIED_CHINESE)));
        all.addAll(otherNames);
        all.add(name().replace("_", "").toLowerCase(Locale.ROOT));
        return all;
    }

    /** The codes, in this order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** The types chain files name, code to Chinese title, in this order. */
    public static Map<String, String> chainTitles() {
        Map<String, String> m = new LinkedHashMap<>();
        for (QualificationType t : values()) {
            if (t.namedByChains) {
                m.put(t.name(), t.title(Locale.SIMPLIFIED_CHINESE));
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
