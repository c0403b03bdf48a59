package org.parkscope.access;

/** What an account may do and see. */
public enum Role {
    /** Town staff who run the platform: see everything, change registry data, manage accounts. */
    TOWN_ADMIN,
    /** Town staff who read everything and change nothing. */
    TOWN_ANALYST,
    /** A park operator: its own parks and their enterprises only. */
    PARK_OPERATOR,
    /** An enterprise: its own record, figures and (later) evaluation only. */
    ENTERPRISE_USER,
    /** Reads the audit trail, nothing else. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
