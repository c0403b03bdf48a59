package org.parkscope.core.chain;

/** A reason shown to people, in Chinese and English. */
public record Reason(String zh, String en) {

    public String text(boolean english) {
        return english ? en : zh;
    }
}
