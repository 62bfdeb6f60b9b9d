package org.mayorsoffice.casework.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor to the running server over real HTTP (not MockMvc): the container's error pages, cookies, limits and
 * headers all take part. Keeps its session cookie; redirects are not followed, so tests see them.
 */
final class HttpVisitor {

    static final String DEMO_PASSWORD = "Casework-Demo-2026";
    private static final Pattern SESSION_COOKIE = Pattern.compile("CASEWORK_SESSION=([^;]*)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private String session;
    private String csrf;

    HttpVisitor(int port) {
        this.port = port;
    }

    /** A visitor signed in as the demo user. */
    static HttpVisitor signedIn(int port, String username) throws IOException, InterruptedException {
        HttpVisitor visitor = new HttpVisitor(port);
        visitor.get("/login");
        HttpResponse<String> signIn = visitor.postForm("/login", Map.of("username", username, "password", DEMO_PASSWORD));
        if (signIn.statusCode() != 302 || signIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("could not sign in as " + username);
        }
        // The home page, for the CSRF token of the signed-in session (sign-in replaces the token).
        String home = visitor.get("/").headers().firstValue("Location").orElse("/");
        visitor.get(home.replaceFirst("^https?://[^/]+", ""));
        return visitor;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        remember(response);
        return response;
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** A form post with this visitor's CSRF token added. */
    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return postRaw(path, "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + enc(csrf)));
    }

    HttpResponse<String> postRaw(String path, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    /** A multipart body with the CSRF token as its first part, then the given text fields and one file. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
            byte[] content) throws IOException, InterruptedException {
        String boundary = "----casework" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                .append(csrf).append("\r\n");
        fields.forEach((name, value) -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value)
                .append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return postRaw(path, "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArrays(
                java.util.List.of(start, content, end)));
    }

    String csrf() {
        return csrf;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/html,*/*;q=0.8");
        if (session != null) {
            request.header("Cookie", "CASEWORK_SESSION=" + session);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response);
        Matcher token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }

    private void remember(HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher m = SESSION_COOKIE.matcher(cookie);
            if (m.lookingAt()) {
                session = m.group(1).isEmpty() ? null : m.group(1);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
