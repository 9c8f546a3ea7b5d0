using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace Contracts.Clients;

// CUSTOM: the generated types mark a schema's minItems / maxItems with these instead of DataAnnotations' MinLength /
// MaxLength (build/nswag-templates/Class.liquid): those find a collection's Count by reflection, which trimming and
// native AOT cannot follow (RequiresUnreferencedCode). These count without reflection and validate the same way: null
// is valid (Required says otherwise), a string counts its characters, a collection its items.
/// <summary>A collection (or string) member has at least <see cref="Length"/> items: a schema's <c>minItems</c>, trim-safe.</summary>
/// <param name="length">The least number of items.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class MinItemsAttribute(int length) : ValidationAttribute("The field {0} must have at least {1} item(s).")
{
    /// <summary>The least number of items.</summary>
    public int Length { get; } = length;

    /// <inheritdoc />
    public override bool IsValid(object? value) => value is null || ItemCount.Of(value) is not { } count || count >= Length;

    /// <inheritdoc />
    public override string FormatErrorMessage(string name) => string.Format(System.Globalization.CultureInfo.CurrentCulture, ErrorMessageString, name, Length);
}

/// <summary>A collection (or string) member has at most <see cref="Length"/> items: a schema's <c>maxItems</c>, trim-safe.</summary>
/// <param name="length">The greatest number of items.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class MaxItemsAttribute(int length) : ValidationAttribute("The field {0} must have at most {1} item(s).")
{
    /// <summary>The greatest number of items.</summary>
    public int Length { get; } = length;

    /// <inheritdoc />
    public override bool IsValid(object? value) => value is null || ItemCount.Of(value) is not { } count || count <= Length;

    /// <inheritdoc />
    public override string FormatErrorMessage(string name) => string.Format(System.Globalization.CultureInfo.CurrentCulture, ErrorMessageString, name, Length);
}

internal static class ItemCount
{
    /// <summary>The number of characters or items; null for a value that is neither (not this attribute's business).</summary>
    public static int? Of(object value)
    {
        switch (value)
        {
            case string text:
                return text.Length;
            case ICollection collection:
                return collection.Count;
            case IEnumerable items:
                var count = 0;
                foreach (var _ in items)
                    count++;
                return count;
            default:
                return null;
        }
    }
}
