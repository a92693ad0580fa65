package org.commonground.whatif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditRecorded;
import org.commonground.election.PartyPalette;
import org.commonground.election.PublicElectionService;
import org.commonground.party.Party;
import org.commonground.party.PartyService;
import org.commonground.publishing.PublishingService;
import org.commonground.publishing.document.PublicChrome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The "what if" page, rendered. The page without parameters (the one most readers open) is kept in memory after its
 * first rendering, as is the table across elections that every answer shows; both are dropped when something is
 * published, the public election chosen or an election imported here, and checked at most every few seconds against {@link WhatIfService#version()}
 * (how another instance's publication reaches this one). An answer to a reader's own rates is rendered each time: a
 * shared cache keeps it by its address.
 */
@Component
class WhatIfPages {

    static final long RECHECK_NANOS = 5_000_000_000L;

    /** A rendered page: its ETag is its content's hash, so it changes exactly when the page does. */
    record Page(String etag, byte[] html) {
    }

    /** What is kept, and the version of the data it was made from. */
    private record Kept(String version, long checkedAt, List<WhatIfService.AcrossElections> across, Page defaultPage) {
    }

    private final WhatIfService whatIf;
    private final PublishingService publishing;
    private final PartyService parties;
    private final PartyPalette palette;
    private volatile Kept kept;

    WhatIfPages(WhatIfService whatIf, PublishingService publishing, PartyService parties, PartyPalette palette) {
        this.whatIf = whatIf;
        this.publishing = publishing;
        this.parties = parties;
        this.palette = palette;
    }

    Page page(Map<String, String[]> parameters) {
        Kept current = current();
        if (!WhatIfRequest.asksSomething(parameters)) {
            if (current.defaultPage() != null) {
                return current.defaultPage();
            }
            Page rendered = render(Map.of(), current.across());
            keep(current, rendered);
            return rendered;
        }
        return render(parameters, current.across());
    }

    @TransactionalEventListener
    void published(PublishingService.DocumentPublished event) {
        kept = null;
    }

    @TransactionalEventListener
    void chosen(PublicElectionService.PublicElectionChosen event) {
        kept = null;
    }

    @TransactionalEventListener
    void imported(AuditRecorded event) {
        if (event.action() == AuditAction.ELECTION_IMPORTED) {
            kept = null;
        }
    }

    private Kept current() {
        Kept k = kept;
        long now = System.nanoTime();
        if (k != null && now - k.checkedAt() < RECHECK_NANOS) {
            return k;
        }
        String version = whatIf.version();
        Kept fresh = k != null && k.version().equals(version) ? new Kept(version, now, k.across(), k.defaultPage())
                : new Kept(version, now, whatIf.acrossElections(), null);
        synchronized (this) {
            // Kept only if nothing was dropped meanwhile: a publication committed after the version was read would
            // otherwise be hidden until the next re-check. Served once either way.
            if (kept == k) {
                kept = fresh;
            }
        }
        return fresh;
    }

    /** Keeps the default page only if nothing changed while it was rendered. */
    private synchronized void keep(Kept from, Page page) {
        if (kept == from) {
            kept = new Kept(from.version(), from.checkedAt(), from.across(), page);
        }
    }

    private Page render(Map<String, String[]> parameters, List<WhatIfService.AcrossElections> across) {
        WhatIfRequest request = WhatIfRequest.parse(parameters, whatIf.defaultRates());
        List<WhatIfService.ElectionChoice> elections = whatIf.elections();
        Optional<WhatIfService.Answer> answer = whatIf.whatIf(request.election(), request.rates());
        if (answer.isEmpty() && request.election().isPresent() && !elections.isEmpty()) {
            answer = whatIf.whatIf(Optional.empty(), request.rates());
            request = request.withProblem(WhatIfRequest.ELECTION, "No election with the code “" + request.election().get()
                    + "” has been imported; here is " + answer.map(a -> a.election().code()).orElse(elections.getFirst().code()) + ".");
        }
        Map<String, String> names = new java.util.HashMap<>();
        for (Party p : parties.list()) {
            names.put(p.code(), p.name());
        }
        PublicChrome chrome = new PublicChrome("/p", "/p/verify", publishing.verifyAddress(), "/p/assets/");
        byte[] html = new WhatIfHtml(chrome, names, palette.colours()).page(request, whatIf.alliance(), elections, answer, across, whatIf.defaultRates())
                .getBytes(StandardCharsets.UTF_8);
        return new Page(etag(html), html);
    }

    private static String etag(byte[] html) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(html), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
