package org.commonground.group;

/** A constituency a local group covers, as its convenor typed it: a name and, if given, the ONS code. */
public record Constituency(String name, String onsCode) {

    @Override
    public String toString() {
        return onsCode == null ? name : name + " (" + onsCode + ")";
    }
}
