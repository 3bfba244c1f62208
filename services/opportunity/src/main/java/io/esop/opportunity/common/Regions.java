package io.esop.opportunity.common;

/** GB/T 2260 division codes: 310000 (a province) covers 310101 (a district of it); 000000 covers all. */
public final class Regions {

    private Regions() {
    }

    /** True when a staff member working in {@code territory} may serve a customer in {@code region}. */
    public static boolean covers(String territory, String region) {
        if (territory == null || region == null) {
            return false;
        }
        String prefix = territory;
        while (prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return region.startsWith(prefix);
    }
}
