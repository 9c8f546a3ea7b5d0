using System.Text.Json.Nodes;
using Contracts.Clients;

namespace Contracts.Emulator.Pipeline;

/// <summary>
/// An error answer, independent of dialect: HTTP status, the task dialect's string code, and a message. Rendered
/// into each dialect's own envelope by <see cref="ToJson"/>.
/// </summary>
internal sealed record OperationError(int Status, string Code, string Message)
{
    /// <summary>Answered in new-api's gateway style <c>{"error": {"message", "type"}}</c> (with <see cref="Code"/> as
    /// the type) instead of the dialect's envelope: errors of the relay's gateway layer rather than its task service.</summary>
    public bool GatewayStyle { get; init; }

    public static OperationError BadRequest(string message, string code = "invalid_request") => new(400, code, message);

    public static OperationError NotFound(string message) => new(404, "task_not_exist", message);

    public JsonNode ToJson(DialectDescriptor dialect) =>
        // new-api's gateway layer: {error: {message, type}}, whatever the dialect.
        GatewayStyle ? new JsonObject { ["error"] = new JsonObject { ["message"] = Message, ["type"] = Code } }
        // GoAmz: {code: integer, message, data: null}, the code being the HTTP-like status.
        : IsGoAmz(dialect) ? new JsonObject { ["code"] = Status, ["message"] = Message, ["data"] = null }
        // task: {code: string, message, data: null}.
        : dialect == DialectCatalog.Task ? new JsonObject { ["code"] = Code, ["message"] = Message, ["data"] = null }
        // native v2: Suno's own {detail}.
        : new JsonObject { ["detail"] = Message };

    /// <summary>Missing or wrong key, worded as each vendor's samples word it.</summary>
    public static OperationError Unauthorized(DialectDescriptor dialect) =>
        dialect == DialectCatalog.Task ? new(401, "unauthorized", "invalid token")
        : dialect == DialectCatalog.NativeV2 ? new(401, "unauthorized", "Unauthorized")
        : new(401, "unauthorized", "invalid api key");

    public static OperationError RateLimited(DialectDescriptor dialect)
        => new(429, "rate_limit", dialect == DialectCatalog.NativeV2 ? "Too Many Requests" : "too many requests");

    public static OperationError ServerError(DialectDescriptor dialect)
        => dialect == DialectCatalog.Task ? new(500, "get_task_failed", "upstream error")
            : new(500, "internal_error", dialect == DialectCatalog.NativeV2 ? "Internal Server Error" : "internal server error");

    private static bool IsGoAmz(DialectDescriptor dialect) => dialect == DialectCatalog.GoAmzV35 || dialect == DialectCatalog.GoAmzV30;

    /// <summary>The <see cref="EmulatorFault.TokenExpired"/> answer: Suno's 422 when the relay's session token expired.</summary>
    public static OperationError TokenExpired() => new(422, "token_validation_failed", "Token validation failed.");

    /// <summary>The <see cref="EmulatorFault.QuotaExhausted"/> answer: new-api's 403 for an account out of quota.</summary>
    public static OperationError QuotaExhausted() => new(403, "quota_not_enough", "user quota is not enough");

    /// <summary>The <see cref="EmulatorFault.NoChannel"/> answer: new-api's 503 when no channel serves the model in the
    /// caller's group, in the gateway's own error style.</summary>
    public static OperationError NoChannel(string operationId) => new(503, "new_api_error",
        $"当前分组 default 下对于模型 {(operationId == "submitLyrics" ? "suno_lyrics" : "suno_music")} 无可用渠道") { GatewayStyle = true };
}
