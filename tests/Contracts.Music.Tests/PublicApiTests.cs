using System.Reflection;
using System.Text;

namespace Contracts.Music.Tests;

/// <summary>The public surface of Contracts.Music as text, committed, so that every API change shows in review.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_its_snapshot() => Snapshots.Match(Describe(typeof(IMusicClient).Assembly), "Contracts.Music.api");

    private static readonly NullabilityInfoContext Nullability = new();

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Header(type)).Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(Member).Where(m => m is not null).Order(StringComparer.Ordinal);
            foreach (var member in members)
                text.Append("    ").Append(member).Append('\n');
        }
        return text.ToString();
    }

    private static string Header(Type type)
    {
        var kind = type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? (type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)) ? "readonly struct" : "struct")
            : type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class";
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
            bases.Add(Name(b));
        bases.AddRange(type.GetInterfaces().Select(i => Name(i)).Order(StringComparer.Ordinal));
        return $"{kind} {type.FullName}" + (bases.Count > 0 && !type.IsEnum ? " : " + string.Join(", ", bases) : "");
    }

    private static string? Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c.GetParameters())})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : "")}{Name(p.PropertyType, Nullability.Create(p).ReadState)} {p.Name} {{ {Accessors(p)} }}",
        FieldInfo f when f.DeclaringType!.IsEnum => f.IsStatic ? $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}" : null,
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{Name(f.FieldType)} {f.Name}" + (f.IsLiteral ? $" = \"{f.GetRawConstantValue()}\"" : ""),
        MethodInfo m when m.IsSpecialName && !m.Name.StartsWith("op_", StringComparison.Ordinal) => null,
        MethodInfo m => $"{(m.IsStatic ? "static " : "")}{Name(m.ReturnType, Nullability.Create(m.ReturnParameter).ReadState)} {m.Name}({Parameters(m.GetParameters())})",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => null,
    };

    private static string Accessors(PropertyInfo p)
    {
        var parts = new List<string>();
        if (p.GetMethod?.IsPublic == true) parts.Add("get;");
        if (p.SetMethod?.IsPublic == true)
            parts.Add(p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? "init;" : "set;");
        return string.Join(' ', parts);
    }

    private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(p =>
        $"{Name(p.ParameterType, Nullability.Create(p).ReadState)} {p.Name}" + (p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? (p.ParameterType.IsValueType ? "default" : "null")) : "")));

    private static string Name(Type type, NullabilityState state = NullabilityState.Unknown)
    {
        var suffix = state == NullabilityState.Nullable && !type.IsValueType ? "?" : "";
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Name(inner) + "?";
        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`')];
            return $"{type.Namespace}.{name}<{string.Join(", ", type.GetGenericArguments().Select(t => Name(t)))}>" + suffix;
        }
        return (type.FullName ?? type.Name) + suffix;
    }
}
