using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Contracts.Validation;

/// <summary>
/// An integer beyond Int64 in a payload's token tree. Newtonsoft reads one as a <see cref="BigInteger"/> value, and
/// NJsonSchema 11.6.2 then throws <see cref="InvalidCastException"/> for it: its number check reads every number as
/// <c>decimal</c> (<c>token.Value&lt;decimal&gt;()</c>, <c>Convert.ChangeType</c>), which a BigInteger does not support,
/// and falls back to <c>double</c> only on <see cref="OverflowException"/>. So this token is an integer holding the
/// nearest Int64 for NJsonSchema, and the exact value in <see cref="Exact"/>, which it prints and which
/// <see cref="PayloadSchemaValidator"/> checks <c>minimum</c>, <c>maximum</c> and <c>multipleOf</c> against. Cloning it
/// (<c>DeepClone</c>, adding it to a second parent) gives a plain Int64 token; nothing here does either.
/// </summary>
internal sealed class BigIntegerValue(BigInteger exact) : JValue(exact.Sign < 0 ? long.MinValue : long.MaxValue)
{
    /// <summary>The integer as sent.</summary>
    public BigInteger Exact { get; } = exact;

    /// <summary>The integer as sent (NJsonSchema compares <c>enum</c> values by this text).</summary>
    public override string ToString() => Exact.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the integer as sent (what a violation's message shows).</summary>
    public override void WriteTo(JsonWriter writer, params JsonConverter[] converters) =>
        writer.WriteRawValue(Exact.ToString(CultureInfo.InvariantCulture));
}
