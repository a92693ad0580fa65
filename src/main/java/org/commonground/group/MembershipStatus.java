package org.commonground.group;

public enum MembershipStatus {
    REQUESTED, ACTIVE
}
