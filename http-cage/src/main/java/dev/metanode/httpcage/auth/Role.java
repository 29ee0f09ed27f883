package dev.metanode.httpcage.auth;

import java.util.Locale;

/**
 * What a credential may do. Not a strict ladder: an auditor reads receipts and logs but cannot
 * deploy; a deployer deploys but cannot read the audit trail; admin may do everything.
 */
public enum Role {
    VIEWER, AUDITOR, DEPLOYER, ADMIN;

    /** Whether a holder of this role may use something that requires {@code required}. */
    public boolean satisfies(Role required) {
        return switch (this) {
            case ADMIN -> true;
            case DEPLOYER -> required == DEPLOYER || required == VIEWER;
            case AUDITOR -> required == AUDITOR || required == VIEWER;
            case VIEWER -> required == VIEWER;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (one of admin, deployer, auditor, viewer)");
    }
}
