package org.commonground.notification;

public enum EmailPreference {
    IMMEDIATE("An email for each notification"),
    DAILY("One email a day with everything new"),
    NEVER("No emails");

    private final String label;

    EmailPreference(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
