package org.parkscope.core.chain;

/** The position of a node in its chain. */
public enum Stage {
    UPSTREAM("上游"), MIDSTREAM("中游"), DOWNSTREAM("下游");

    private final String zh;

    Stage(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public static Stage parse(String text) {
        for (Stage s : values()) {
            if (s.zh.equals(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("stage 须是 上游/中游/下游 / stage must be 上游, 中游 or 下游: " + text);
    }
}
