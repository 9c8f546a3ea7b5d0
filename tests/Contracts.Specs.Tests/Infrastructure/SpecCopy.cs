using YamlDotNet.RepresentationModel;

namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>
/// A spec read into YamlDotNet's node tree so a test can make one deliberate edit and write the result to a temp file.
/// Editing nodes (not text) keeps an edit exact even when descriptions around it change; a missing node throws, so a
/// renamed schema fails the test loudly instead of making the edit a no-op.
/// </summary>
internal sealed class SpecCopy
{
    private readonly YamlStream _yaml = new();

    public SpecCopy(string specFile)
    {
        using var reader = new StreamReader(specFile);
        _yaml.Load(reader);
    }

    private YamlMappingNode Root => (YamlMappingNode)_yaml.Documents[0].RootNode;

    /// <summary><c>components.schemas.&lt;name&gt;</c>.</summary>
    public YamlMappingNode Schema(string name) => Mapping(Mapping(Mapping(Root, "components"), "schemas"), name);

    public SpecCopy SetVersion(string version)
    {
        Mapping(Root, "info").Children[new YamlScalarNode("version")] = new YamlScalarNode(version);
        return this;
    }

    public SpecCopy RemoveInfoField(string field)
    {
        if (!Mapping(Root, "info").Children.Remove(new YamlScalarNode(field)))
        {
            throw new InvalidOperationException($"info has no '{field}' to remove.");
        }
        return this;
    }

    public SpecCopy RemoveProperty(string schema, string property)
    {
        var properties = Mapping(Schema(schema), "properties");
        if (!properties.Children.Remove(new YamlScalarNode(property)))
        {
            throw new InvalidOperationException($"{schema} has no property '{property}' to remove.");
        }
        return this;
    }

    public SpecCopy AddProperty(string schema, string property, string type, string description, bool required)
    {
        var target = Schema(schema);
        Mapping(target, "properties").Add(property, new YamlMappingNode(
            new YamlScalarNode("type"), new YamlScalarNode(type),
            new YamlScalarNode("description"), new YamlScalarNode(description)));
        if (required)
        {
            if (!target.Children.TryGetValue(new YamlScalarNode("required"), out var list))
            {
                list = new YamlSequenceNode();
                target.Add("required", list);
            }
            ((YamlSequenceNode)list).Add(property);
        }
        return this;
    }

    /// <summary>Writes the spec to <paramref name="path"/> and returns the path.</summary>
    public string SaveTo(string path)
    {
        using var writer = new StreamWriter(path);
        _yaml.Save(writer, assignAnchors: false);
        return path;
    }

    private static YamlMappingNode Mapping(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping
            ? mapping
            : throw new InvalidOperationException($"The spec has no mapping '{key}' where the edit expects it.");
}
