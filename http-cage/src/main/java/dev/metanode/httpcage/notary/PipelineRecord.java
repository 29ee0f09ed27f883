package dev.metanode.httpcage.notary;

import java.util.Map;

/**
 * One request/response pair, ready to become a pipeline receipt.
 *
 * @param app             routed app ({@code _api} for the daemon's API, {@code _unrouted} if none)
 * @param method          request method
 * @param path            request path (no query: queries may carry secrets)
 * @param status          response status sent to the client
 * @param latencyMicros   head received to last response byte written
 * @param requestSha256   {@link MessageDigester} digest of the request
 * @param responseSha256  digest of the response, or null if none was sent (connection dropped)
 * @param requestBodyBytes  request body size
 * @param responseBodyBytes response body size
 * @param principal       API key id or JWT subject, or null
 * @param signatureKeyId  RFC 9421 keyid of a verified request signature, or null
 * @param clientAddress   the peer's address
 * @param decisions       policy decisions taken on the way
 */
public record PipelineRecord(String app, String method, String path, int status, long latencyMicros,
        byte[] requestSha256, byte[] responseSha256, long requestBodyBytes, long responseBodyBytes, String principal,
        String signatureKeyId, String clientAddress, Map<String, Object> decisions) {}
