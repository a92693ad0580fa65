package org.commonground.group;

import java.util.List;

public record GroupDetails(GroupSummary summary, List<Constituency> constituencies, int lineWidth) {
}
