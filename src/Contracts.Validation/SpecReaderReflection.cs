using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Contracts.Validation;

/// <summary>
/// What the specs' readers (NSwag.Core.Yaml with YamlDotNet, NJsonSchema with Newtonsoft.Json and Namotion.Reflection)
/// reach by reflection in framework types, kept for a trimmed or native AOT application: the collections YamlDotNet
/// creates and Newtonsoft.Json creates and fills for the specs' object model (their constructors, indexers and Add
/// methods), and the flags of the compiler's nullability attributes that Namotion.Reflection reads. Those libraries are
/// not annotated for trimming, so an application also keeps them whole (the CLI's TrimmerRootAssembly items); this list
/// is what they need beyond their own assemblies, found by running <c>validate</c> in the CLI's native AOT build.
/// </summary>
internal static class SpecReaderReflection
{
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Collection<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<object, object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NJsonSchema.JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NJsonSchema.JsonSchemaProperty>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiCallback>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiEncoding>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiExample>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiLink>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiMediaType>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiParameter>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiPathItem>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiRequestBody>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiResponse>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiSecurityScheme>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, NSwag.OpenApiServerVariable>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(Dictionary<string, string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<NJsonSchema.JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<NSwag.JsonExpectedSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<NSwag.OpenApiParameter>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<NSwag.OpenApiPathItem>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<NSwag.OpenApiSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<NSwag.OpenApiSecurityRequirement>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<NSwag.OpenApiServer>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(ICollection<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NJsonSchema.JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NJsonSchema.JsonSchemaProperty>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiCallback>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiEncoding>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiExample>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiLink>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiMediaType>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiParameter>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiPathItem>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiRequestBody>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiResponse>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiSecurityScheme>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, NSwag.OpenApiServerVariable>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IDictionary<string, string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IList<NSwag.OpenApiParameter>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(IList<NSwag.OpenApiTag>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<NJsonSchema.JsonSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<NSwag.JsonExpectedSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<NSwag.OpenApiParameter>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<NSwag.OpenApiPathItem>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<NSwag.OpenApiSchema>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<NSwag.OpenApiSecurityRequirement>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<NSwag.OpenApiServer>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<NSwag.OpenApiTag>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(List<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields, "System.Runtime.CompilerServices.NullableContextAttribute", "System.Private.CoreLib")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields, "System.Runtime.CompilerServices.NullableAttribute", "System.Private.CoreLib")]
    public static void Keep()
    {
        // Nothing to run: the attributes above are the point, kept because this method is called before a spec is read.
    }
}
