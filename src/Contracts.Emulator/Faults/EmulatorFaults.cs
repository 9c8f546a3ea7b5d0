using System.Diagnostics.CodeAnalysis;
using Contracts.Clients;

namespace Contracts.Emulator;

/// <summary>Wire names of the <see cref="EmulatorFault"/> values and the constants the faults use.</summary>
public static class EmulatorFaults
{
    /// <summary>The request header that asks for faults: one wire name, or several separated by commas
    /// (<c>X-Emulator-Fault: slow, extra-field</c>).</summary>
    public const string HeaderName = "X-Emulator-Fault";

    /// <summary>The status value <see cref="EmulatorFault.UnknownStatus"/> puts everywhere a status is reported.</summary>
    public const string UnknownStatusValue = "MYSTERY_STATE";

    /// <summary>The property name <see cref="EmulatorFault.ExtraField"/> adds.</summary>
    public const string ExtraFieldName = "emulator_extra_field";

    /// <summary>Each fault once: its wire name and where it can happen. A fault scoped to a dialect (spec name) or to
    /// some operations (<c>operationId</c>s) is ignored elsewhere, whether asked for by header or by rule (a rule's
    /// uses are not consumed there), because those operations declare no such answer.</summary>
    private static readonly (EmulatorFault Fault, string Name, string? Dialect, string[]? Operations)[] Names =
    [
        (EmulatorFault.RateLimit, "rate-limit", null, null),
        (EmulatorFault.ServerError, "server-error", null, null),
        (EmulatorFault.BadGatewayHtml, "bad-gateway-html", null, null),
        (EmulatorFault.Slow, "slow", null, null),
        (EmulatorFault.Truncated, "truncated", null, null),
        (EmulatorFault.MalformedJson, "malformed-json", null, null),
        (EmulatorFault.UnknownStatus, "unknown-status", null, null),
        (EmulatorFault.ExtraField, "extra-field", null, null),
        (EmulatorFault.TokenExpired, "token-expired", DialectCatalog.NativeV2.Name, ["generateMusic"]),
        (EmulatorFault.QuotaExhausted, "quota-exhausted", DialectCatalog.Task.Name, ["submitMusic", "submitLyrics"]),
        (EmulatorFault.NoChannel, "no-channel", DialectCatalog.Task.Name, null),
        (EmulatorFault.FeedPage, "feed-page", DialectCatalog.NativeV2.Name, ["getFeed"]),
        (EmulatorFault.FeedCursorPage, "feed-cursor-page", DialectCatalog.NativeV2.Name, ["getFeed"]),
    ];

    /// <summary>Every wire name, in the order of <see cref="EmulatorFault"/>.</summary>
    public static IReadOnlyList<string> AllNames { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The wire name of <paramref name="fault"/> (for example <c>rate-limit</c>).</summary>
    public static string ToHeaderValue(EmulatorFault fault)
    {
        foreach (var (candidate, name, _, _) in Names)
        {
            if (candidate == fault)
            {
                return name;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(fault), fault, "Not a known emulator fault.");
    }

    /// <summary>Reads a wire name (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out EmulatorFault? fault)
    {
        var trimmed = value?.Trim();
        foreach (var (candidate, name, _, _) in Names)
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                fault = candidate;
                return true;
            }
        }
        fault = null;
        return false;
    }

    /// <summary>Whether <paramref name="fault"/> can happen on an operation of <paramref name="dialect"/> (a spec
    /// name such as <c>task</c>) with this <paramref name="operationId"/>.</summary>
    public static bool AppliesTo(EmulatorFault fault, string dialect, string operationId)
    {
        foreach (var (candidate, _, onlyDialect, onlyOperations) in Names)
        {
            if (candidate == fault)
            {
                return (onlyDialect is null || string.Equals(onlyDialect, dialect, StringComparison.OrdinalIgnoreCase))
                    && (onlyOperations is null || onlyOperations.Contains(operationId, StringComparer.OrdinalIgnoreCase));
            }
        }
        return false;
    }
}
