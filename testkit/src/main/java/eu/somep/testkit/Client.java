package eu.somep.testkit;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A JSON client of the REST API, signed in with a bearer token (none for a guest). Bodies are JSON strings:
 * tests state exactly what a client sends.
 */
public final class Client {
    private final TestSomep somep;
    private final String username;
    private final String token;

    Client(TestSomep somep, String username, String token) {
        this.somep = somep;
        this.username = username;
        this.token = token;
    }

    /** The account's user name, null for a guest. */
    public String username() { return username; }

    /** The bearer token, null for a guest. */
    public String token() { return token; }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    public HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json);
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    public HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder r = request(path).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) r.header("Content-Type", "application/json");
        return somep.send(r.build());
    }

    /** A request with this client's credentials, for anything the shortcuts do not cover (other types, headers). */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder r = HttpRequest.newBuilder(somep.uri(path)).header("Accept", "application/json");
        if (token != null) r.header("Authorization", "Bearer " + token);
        return r;
    }
}
