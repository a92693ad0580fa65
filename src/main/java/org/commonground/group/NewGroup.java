package org.commonground.group;

/** What a member types to create a group. {@code constituencies} is free text, one per line, for LOCAL groups. */
public record NewGroup(String name, GroupKind kind, String description, String constituencies) {
}
