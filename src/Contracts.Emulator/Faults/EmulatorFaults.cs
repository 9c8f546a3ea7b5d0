using System.Diagnostics.CodeAnalysis;

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

    private static readonly (EmulatorFault Fault, string Name)[] Names =
    [
        (EmulatorFault.RateLimit, "rate-limit"),
        (EmulatorFault.ServerError, "server-error"),
        (EmulatorFault.BadGatewayHtml, "bad-gateway-html"),
        (EmulatorFault.Slow, "slow"),
        (EmulatorFault.Truncated, "truncated"),
        (EmulatorFault.MalformedJson, "malformed-json"),
        (EmulatorFault.UnknownStatus, "unknown-status"),
        (EmulatorFault.ExtraField, "extra-field"),
    ];

    /// <summary>Every wire name, in the order of <see cref="EmulatorFault"/>.</summary>
    public static IReadOnlyList<string> AllNames { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The wire name of <paramref name="fault"/> (for example <c>rate-limit</c>).</summary>
    public static string ToHeaderValue(EmulatorFault fault)
    {
        foreach (var (candidate, name) in Names)
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
        foreach (var (candidate, name) in Names)
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
}
