package org.commonground.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One signed-in member speaking Vaadin's UI protocol over HTTP, as the browser's client engine does, without a
 * browser: sign in through the login form, open a route, set a field's value and click a button. It keeps the
 * server's element tree (tags, properties, attributes, texts, children) so buttons and fields are found as a person
 * finds them, by their visible text and labels. Cheap enough to hold hundreds of sessions from one process, for the
 * load benchmark and the crash test.
 */
public final class UiSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final List<String> CLICK_DATA = List.of("event.shiftKey", "event.metaKey", "event.detail", "event.ctrlKey",
            "event.clientX", "event.clientY", "event.altKey", "event.button", "event.screenY", "event.screenX");

    /** One client for all sessions: each of its own would start a selector thread. Cookies are kept per session. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern SESSION_COOKIE = Pattern.compile("^(JSESSIONID=[^;]+)");

    private final URI base;
    private String sessionCookie;
    private String cookieBeforeSignIn;
    private final Map<Integer, Node> nodes = new HashMap<>();
    private String securityKey;
    private int uiId;
    private int syncId;
    private int clientId;
    private boolean logRefusals;

    /** An element or text node of the server's tree, with every value the server put on it by key. */
    public static final class Node {
        final int id;
        final Map<String, JsonNode> values = new HashMap<>();
        final Map<Integer, List<Integer>> lists = new HashMap<>();

        Node(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        public String tag() {
            return string("tag");
        }

        public String string(String key) {
            JsonNode v = values.get(key);
            return v == null || v.isNull() ? null : v.asString();
        }
    }

    /** The outcome of one request: its status and the raw response, in which the re-rendered texts appear. */
    public record Reply(int status, String body) {
        public boolean contains(String text) {
            return body.contains(JSON.writeValueAsString(text).replaceAll("^\"|\"$", ""));
        }

        /** The notifications' texts in this reply (or its start, when there are none): what the server told the member. */
        @Override
        public String toString() {
            return status + " " + messages(body);
        }
    }

    private UiSession(URI base) {
        this.base = base;
    }

    /** Signs in through the login page's form, as a browser does; fails unless the server accepts the password. */
    public static UiSession signIn(URI base, String email, String password) throws IOException, InterruptedException {
        UiSession session = new UiSession(base);
        String page = session.send(HttpRequest.newBuilder(base.resolve("login")).GET()).body();
        session.cookieBeforeSignIn = session.sessionCookie;
        Matcher csrf = CSRF_META.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in refused for " + email + ": " + signedIn.statusCode() + " " + location);
        }
        return session;
    }

    /** Opens a route in a new UI, as loading the page in a tab does, and returns the navigation's reply. */
    public Reply open(String route) throws IOException, InterruptedException {
        nodes.clear();
        String init = send(HttpRequest.newBuilder(base.resolve("?v-r=init&location=" + enc(route) + "&query=")).GET()).body();
        JsonNode appConfig = JSON.readTree(init).get("appConfig");
        if (appConfig == null) {
            throw new IllegalStateException("Not a Vaadin bootstrap reply: " + abbreviate(init));
        }
        uiId = appConfig.get("v-uiId").asInt();
        JsonNode uidl = appConfig.get("uidl");
        securityKey = uidl.get("Vaadin-Security-Key").asString();
        clientId = 0;
        apply(uidl);
        ObjectNode data = JSON.createObjectNode().put("route", route).put("query", "").put("appShellTitle", "").put("trigger", "");
        data.putObject("historyState").put("idx", 0);
        return rpc(event(1, "ui-navigate", data));
    }

    /** The first node, in tree order from the root, that matches. */
    public Node find(Predicate<Node> matching) {
        List<Node> found = findAll(matching);
        if (found.isEmpty()) {
            throw new IllegalStateException("Nothing on the page matches");
        }
        return found.getFirst();
    }

    public List<Node> findAll(Predicate<Node> matching) {
        List<Node> found = new ArrayList<>();
        collect(1, matching, found, new java.util.HashSet<>());
        return found;
    }

    private void collect(int id, Predicate<Node> matching, List<Node> found, java.util.Set<Integer> seen) {
        Node node = nodes.get(id);
        if (node == null || !seen.add(id)) {
            return;
        }
        if (matching.test(node)) {
            found.add(node);
        }
        for (List<Integer> children : node.lists.values()) {
            for (int child : children) {
                collect(child, matching, found, seen);
            }
        }
    }

    /** The text of a node and all its descendants, as a person reads it. */
    public String text(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node n : descendants(node)) {
            if (n.string("text") != null && n.tag() == null) {
                text.append(n.string("text"));
            }
        }
        return text.toString().trim();
    }

    private List<Node> descendants(Node node) {
        List<Node> all = new ArrayList<>();
        collect(node.id, n -> true, all, new java.util.HashSet<>());
        return all;
    }

    /** A button (or any element) with exactly this visible text. */
    public Predicate<Node> withText(String tag, String text) {
        return n -> tag.equals(n.tag()) && text.equals(text(n));
    }

    /** A field with this label. */
    public static Predicate<Node> labelled(String tag, String label) {
        return n -> tag.equals(n.tag()) && label.equals(n.string("label"));
    }

    public Reply click(Node button) throws IOException, InterruptedException {
        return rpc(click(button.id));
    }

    /** Types a value into a field and clicks a button in one round trip, as a browser sends a change then a click. */
    public Reply fillAndClick(Node field, String value, Node button) throws IOException, InterruptedException {
        ObjectNode sync = JSON.createObjectNode().put("type", "mSync").put("node", field.id).put("feature", 1).put("property", "value").put("value", value);
        return rpc(sync, click(button.id));
    }

    /** Replaces the key the server gave this UI with one a cross-site forger would have to guess. */
    public void forgeSecurityKey(String key) {
        securityKey = key;
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    /** The session the login page was served in, before signing in. */
    public String cookieBeforeSignIn() {
        return cookieBeforeSignIn;
    }

    /** Whether an action the server does not confirm is printed with the server's reply, to find out why. */
    public void logRefusals(boolean log) {
        this.logRefusals = log;
    }

    /** Asks for what changed on the page since the last reply, as a browser's push connection would deliver it. */
    public Reply poll() throws IOException, InterruptedException {
        return rpc();
    }

    /** Posts a comment on the open proposal page; true when the server shows it back, i.e. it was saved. */
    public boolean postComment(String text) throws IOException, InterruptedException {
        Reply reply = fillAndClick(find(labelled("vaadin-text-area", "Comment")), text, find(withText("vaadin-button", "Post comment")));
        return reply.status() == 200 && reply.contains(text);
    }

    /** Casts a vote on the open ballot page; true when the server confirms it was recorded. */
    public boolean castVote(String choiceLabel) throws IOException, InterruptedException {
        Reply reply = click(find(withText("vaadin-button", choiceLabel)));
        boolean recorded = reply.status() == 200 && reply.contains("Your vote is recorded: " + choiceLabel + ".");
        if (!recorded && logRefusals) {
            System.err.println("vote not confirmed: " + reply);
        }
        return recorded;
    }

    private ObjectNode click(int node) {
        ObjectNode data = JSON.createObjectNode();
        for (String key : CLICK_DATA) {
            if (key.endsWith("Key")) {
                data.put(key, false);
            } else {
                data.put(key, 0);
            }
        }
        return event(node, "click", data);
    }

    private static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode().put("type", "event").put("node", node).put("event", name);
        event.set("data", data);
        return event;
    }

    private Reply rpc(ObjectNode... invocations) throws IOException, InterruptedException {
        ObjectNode message = JSON.createObjectNode().put("csrfToken", securityKey).put("syncId", syncId).put("clientId", clientId);
        ArrayNode rpc = message.putArray("rpc");
        for (ObjectNode invocation : invocations) {
            rpc.add(invocation);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))));
        String body = response.body();
        if (response.statusCode() == 200) {
            JsonNode reply = JSON.readTree(body.startsWith("for(;;);") ? body.substring("for(;;);".length()) : body);
            JsonNode uidl = reply.isArray() ? reply.get(0) : reply;
            if (uidl.has("meta") && uidl.get("meta").has("appError")) {
                return new Reply(500, body);
            }
            apply(uidl);
        }
        return new Reply(response.statusCode(), body);
    }

    private void apply(JsonNode uidl) {
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt(); // the next id the server expects
        }
        JsonNode changes = uidl.get("changes");
        if (changes == null) {
            return;
        }
        for (JsonNode change : changes) {
            int id = change.get("node").asInt();
            String type = change.get("type").asString();
            switch (type) {
                case "attach" -> nodes.put(id, new Node(id));
                case "detach" -> nodes.remove(id);
                case "put" -> node(id).values.put(change.get("key").asString(),
                        change.has("nodeValue") ? change.get("nodeValue") : change.get("value"));
                case "remove" -> node(id).values.remove(change.get("key").asString());
                case "clear" -> node(id).lists.remove(change.get("feat").asInt());
                case "splice" -> {
                    List<Integer> list = node(id).lists.computeIfAbsent(change.get("feat").asInt(), f -> new ArrayList<>());
                    int index = change.get("index").asInt();
                    if (change.has("remove")) {
                        list.subList(index, index + change.get("remove").asInt()).clear();
                    }
                    if (change.has("addNodes")) {
                        List<Integer> added = new ArrayList<>();
                        change.get("addNodes").forEach(n -> added.add(n.asInt()));
                        list.addAll(index, added);
                    } else if (change.has("add")) {
                        // A list of plain values (class names and the like), kept as placeholders so indexes line up.
                        List<Integer> placeholders = new ArrayList<>();
                        change.get("add").forEach(v -> placeholders.add(-1));
                        list.addAll(index, placeholders);
                    }
                }
                default -> {
                }
            }
        }
    }

    private Node node(int id) {
        return nodes.computeIfAbsent(id, Node::new);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher session = SESSION_COOKIE.matcher(cookie);
            if (session.find()) {
                sessionCookie = session.group(1);
            }
        }
        return response;
    }

    /** The notifications' texts in a reply: what the server told the member. */
    private static List<String> messages(String body) {
        List<String> messages = new ArrayList<>();
        Matcher text = Pattern.compile("\"key\":\"text\",\"feat\":1,\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        while (text.find()) {
            messages.add(text.group(1));
        }
        return messages.isEmpty() ? List.of(abbreviate(body)) : messages;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
