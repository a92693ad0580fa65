package org.commonground.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The group page offers its convenors the group's record as a JSON download; members never see it. */
@IntegrationTest
class GroupRecordViewTest extends ViewTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;

    @Test
    void aConvenorDownloadsTheRecordAndAMemberIsNotOfferedIt() throws Exception {
        SignedInMember convenor = testMembers.register("Record convenor", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Record keepers " + convenor.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember member = testMembers.joined(groups, group, convenor, "Record member", "LAB");

        TestMembers.signIn(convenor);
        GroupView view = navigate(GroupView.class, Map.of("groupId", String.valueOf(group)));
        Anchor download = $view(Anchor.class).withText("Export record (JSON)").single();
        assertThat(download.getElement().hasAttribute("download")).isTrue();
        assertThat(download.getHref()).isNotBlank();

        // What the browser gets when it follows the link.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(body);
        view.exportRecord.handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), response, VaadinSession.getCurrent(), download.getElement()));
        String json = body.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"format\" : \"common-ground-group-record\"", "Record keepers " + convenor.id(), member.displayName())
                .doesNotContain("password", member.email());
        verify(response).setContentType("application/json");

        TestMembers.signIn(member);
        navigate(GroupView.class, Map.of("groupId", String.valueOf(group)));
        assertThat($view(Anchor.class).withText("Export record (JSON)").all()).isEmpty();
    }
}
