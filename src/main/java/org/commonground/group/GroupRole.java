package org.commonground.group;

public enum GroupRole {
    MEMBER, CONVENOR
}
