using Contracts.Emulator.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Contracts.Emulator.Faults;

/// <summary>
/// Decides which faults a request gets: those its <see cref="EmulatorFaults.HeaderName"/> header names, plus the
/// first configured rule that matches and has uses left (a use is consumed only when the rule applies). A fault that
/// cannot happen on the operation (<see cref="EmulatorFaults.AppliesTo"/>) is left out, and a rule for one does not
/// match there.
/// </summary>
internal sealed class FaultSelector
{
    private readonly EmulatorFaultRule[] _rules;
    private readonly int[] _remaining;

    public FaultSelector(IEnumerable<EmulatorFaultRule> rules)
    {
        // A snapshot: changing the options after start does not change a running emulator.
        _rules = rules.ToArray();
        _remaining = _rules.Select(r => r.Times ?? -1).ToArray();
    }

    /// <summary>The faults for this request; an unknown name in the header is reported in <paramref name="unknown"/>.</summary>
    public HashSet<EmulatorFault> Select(HttpRequest request, OperationDescriptor operation, out string? unknown)
    {
        unknown = null;
        var faults = new HashSet<EmulatorFault>();
        foreach (var value in request.Headers[EmulatorFaults.HeaderName])
        {
            foreach (var name in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (EmulatorFaults.TryParse(name, out var fault))
                {
                    if (AppliesTo(fault.Value, operation))
                    {
                        faults.Add(fault.Value);
                    }
                }
                else
                {
                    unknown ??= name;
                }
            }
        }
        for (var i = 0; i < _rules.Length; i++)
        {
            if (Matches(_rules[i], request, operation) && TryConsume(i))
            {
                faults.Add(_rules[i].Fault);
                break;
            }
        }
        return faults;
    }

    private static bool AppliesTo(EmulatorFault fault, OperationDescriptor operation)
        => EmulatorFaults.AppliesTo(fault, operation.Dialect.Name, operation.OperationId);

    private static bool Matches(EmulatorFaultRule rule, HttpRequest request, OperationDescriptor operation)
    {
        if (!AppliesTo(rule.Fault, operation))
        {
            return false;
        }
        if (rule.Dialect is { } dialect && !string.Equals(dialect, operation.Dialect.Name, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (rule.OperationId is { } operationId && !string.Equals(operationId, operation.OperationId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (rule.PathPrefix is { } prefix)
        {
            var path = request.Path.Value ?? "";
            return path.TrimStart('/').StartsWith(prefix.TrimStart('/'), StringComparison.OrdinalIgnoreCase);
        }
        return true;
    }

    private bool TryConsume(int index)
    {
        while (true)
        {
            var left = Volatile.Read(ref _remaining[index]);
            if (left < 0)
            {
                return true; // unlimited
            }
            if (left == 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _remaining[index], left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
