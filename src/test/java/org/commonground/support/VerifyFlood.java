package org.commonground.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many large uploads to {@code /p/verify} at once, each from its own forwarded address, while another client keeps reading the public
 * pages and the app's heap is sampled: for the flood test and its benchmark. The uploads are generated as they are
 * sent, so the client holds none of them.
 */
public final class VerifyFlood {

    /** Just under the 20 MB the page accepts. */
    public static final long UPLOAD_BYTES = 20L * 1024 * 1024 - 4096;
    private static final String BOUNDARY = "cg-flood-boundary";

    /**
     * @param uploadStatuses   how many uploads were answered with each status; -1 counts those with no answer
     * @param pageMillis       each public page request's time, in the order made
     * @param pageFailures     public page requests not answered 200 within 10 s
     * @param maxUsedHeapBytes the most heap in use in any sample (garbage included)
     * @param samples          how many heap samples were taken
     * @param floodMillis      from the first upload sent to the last answered
     */
    public record Result(Map<Integer, Integer> uploadStatuses, List<Long> pageMillis, int pageFailures, long maxUsedHeapBytes,
                         int samples, long floodMillis) {

        public long pagePercentileMillis(int percent) {
            List<Long> sorted = pageMillis.stream().sorted().toList();
            return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
        }
    }

    private VerifyFlood() {
    }

    public static Result run(AppProcess app, URI base, int uploads) throws Exception {
        HttpClient uploader = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
        String action = formAction(uploader, base);
        HttpClient reader = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> pageMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicLong pageFailures = new AtomicLong();
        AtomicLong maxHeap = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> pages = threads.submit(() -> {
                List<String> paths = List.of("p", "p/verify", "p/feed.atom");
                for (int i = 0; flooding.get(); i++) {
                    long started = System.nanoTime();
                    try {
                        int status = reader.send(HttpRequest.newBuilder(base.resolve(paths.get(i % paths.size()))).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            pageFailures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        pageFailures.incrementAndGet();
                    }
                    pageMillis.add((System.nanoTime() - started) / 1_000_000);
                    Thread.sleep(50);
                }
                return null;
            });
            Future<?> heap = threads.submit(() -> {
                long[] sampled = app.maxUsedHeapBytes(250, () -> !flooding.get());
                maxHeap.set(sampled[0]);
                samples.set(sampled[1]);
                return null;
            });
            long started = System.nanoTime();
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < uploads; i++) {
                int n = i;
                sent.add(threads.submit(() -> statuses.merge(upload(uploader, base.resolve(action), n), 1, Integer::sum)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            long floodMillis = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(1000); // the pages and the heap just after, too
            flooding.set(false);
            pages.get();
            heap.get();
            return new Result(new TreeMap<>(statuses), List.copyOf(pageMillis), (int) pageFailures.get(), maxHeap.get(),
                    (int) samples.get(), floodMillis);
        }
    }

    /** The upload form's address, which carries the CSRF token whose pair the client now holds as a cookie. */
    private static String formAction(HttpClient client, URI base) throws IOException, InterruptedException {
        String form = client.send(HttpRequest.newBuilder(base.resolve("p/verify")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher action = Pattern.compile("<form class=\"verify\" method=\"post\" action=\"/([^\"]*)\"").matcher(form);
        if (!action.find()) {
            throw new IllegalStateException("No upload form on /p/verify: " + form);
        }
        return action.group(1).replace("&amp;", "&");
    }

    /** The status, or -1 when the upload got no answer (refused connection, reset, timeout). */
    private static int upload(HttpClient client, URI action, int n) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"flood-" + n + ".pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        HttpRequest request = HttpRequest.newBuilder(action).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                // Each upload from a client of its own, as the proxy the README describes forwards them (the app
                // trusts it on this machine), so the flood meets the limit of uploads at once, not one address's.
                .header("X-Forwarded-For", "198.18." + (n / 250) + "." + (n % 250 + 1))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head), pdf(n),
                                new ByteArrayInputStream(tail))))), head.length + UPLOAD_BYTES + tail.length))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A file that starts as a PDF and then is filler, {@code UPLOAD_BYTES} in all, made as it is read. */
    private static InputStream pdf(int n) {
        byte[] header = ("%PDF-1.7\n% flood " + n + "\n").getBytes(StandardCharsets.ISO_8859_1);
        return new SequenceInputStream(new ByteArrayInputStream(header), new InputStream() {
            private final byte[] filler = "flood filler, not a real PDF\n".repeat(2048).getBytes(StandardCharsets.ISO_8859_1);
            private long left = UPLOAD_BYTES - header.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int count = (int) Math.min(Math.min(len, filler.length), left);
                System.arraycopy(filler, 0, b, off, count);
                left -= count;
                return count;
            }
        });
    }
}
