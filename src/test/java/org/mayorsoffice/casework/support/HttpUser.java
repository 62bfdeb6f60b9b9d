package org.mayorsoffice.casework.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser, reduced to HTTP: keeps the session cookie (sent to every instance on 127.0.0.1, as a
 * load balancer in front of several would), signs in with the login form and posts forms with their CSRF token.
 */
public final class HttpUser {

    /** The demo users' password (see the demo data loader). */
    public static final String DEMO_PASSWORD = "Casework-Demo-2026";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private String csrf;

    /** Signs in through the login page of the instance at this base URL; fails unless it succeeded. */
    public HttpUser signIn(String baseUrl, String username) {
        HttpResponse<String> login = get(baseUrl + "/login");
        HttpResponse<String> response = post(baseUrl + "/login", token(login.body()),
                Map.of("username", username, "password", DEMO_PASSWORD));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("Sign-in as " + username + " failed: " + response.statusCode() + " " + location);
        }
        return this;
    }

    /** Reads the CSRF token from a page this user can see, for the posts that follow. */
    public HttpUser tokenFrom(String pageUrl) {
        this.csrf = token(get(pageUrl).body());
        return this;
    }

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** Posts a form with the token read by {@link #tokenFrom(String)}. */
    public HttpResponse<String> post(String url, Map<String, String> fields) {
        return post(url, csrf, fields);
    }

    private HttpResponse<String> post(String url, String token, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
