package org.commonground.party;

public record Party(long id, String code, String name, String colour) {
}
