package org.commonground.pact;

/** How a party ratifies a pact: a ballot of its members in the group, or its named representative signing. */
public enum RatificationMethod {
    BALLOT, REPRESENTATIVE
}
