package org.parkscope.core.stats;

/** Enterprise size class under 《统计上大中小微型企业划分办法(2017)》 (国统字〔2017〕213号). */
public enum SizeClass {
    LARGE("大型"),
    MEDIUM("中型"),
    SMALL("小型"),
    MICRO("微型");

    private final String labelZh;

    SizeClass(String labelZh) {
        this.labelZh = labelZh;
    }

    /** Chinese label as used in statistical reports. */
    public String labelZh() {
        return labelZh;
    }
}
