using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Contracts.Clients.Tests.Infrastructure;

namespace Contracts.Clients.Tests;

/// <summary>
/// The dialect descriptors (<see cref="DialectCatalog"/>) state what the specs, the client generation and the
/// vendor pages say: each descriptor's spec exists and every spec has a descriptor, its operations are the spec's,
/// its client is the one the build generates from that spec, its capabilities show in the spec, and its status
/// tables know every status value the spec documents.
/// </summary>
public sealed partial class DialectCatalogTests
{
    public static TheoryData<string> Names() => new(DialectCatalog.All.Select(d => d.Name));

    [Fact]
    public void Every_spec_has_exactly_one_descriptor_and_names_are_unique()
    {
        var specs = Directory.GetFiles(Path.Combine(Repository.Root, "specs"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

        Assert.Equal(specs, DialectCatalog.All.Select(d => d.SpecFile).Order(StringComparer.Ordinal));
        Assert.Equal(DialectCatalog.All.Count, DialectCatalog.All.Select(d => d.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(DialectCatalog.All.Count, DialectCatalog.All.Select(d => d.ClientType).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Name_is_the_spec_file_name_and_finds_the_descriptor_in_any_case(string name)
    {
        var descriptor = DialectCatalog.Find(name)!;

        Assert.Equal(name + ".yaml", descriptor.SpecFile);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "specs", descriptor.SpecFile)), $"specs/{descriptor.SpecFile} is missing");
        Assert.Same(descriptor, DialectCatalog.Find(name.ToUpperInvariant()));
        Assert.Equal(name, descriptor.ToString());
        Assert.False(string.IsNullOrWhiteSpace(descriptor.DisplayName));
    }

    [Fact]
    public void Find_answers_null_for_an_unknown_name()
    {
        Assert.Null(DialectCatalog.Find("klingon"));
        Assert.Null(DialectCatalog.Find(""));
        Assert.Null(DialectCatalog.Find(null));
        Assert.Null(DialectCatalog.Find("task.yaml"));
        Assert.Equal("goamz-v3.5, goamz-v3.0, task or native-v2", DialectCatalog.ListNames());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Operations_are_the_specs_operation_ids_in_order(string name)
    {
        var descriptor = DialectCatalog.Find(name)!;
        var spec = SpecDocument.Load(descriptor.SpecFile);

        Assert.Equal(SpecDocument.Operations(spec).Select(o => (string)o.Operation["operationId"]!), descriptor.Operations);
        Assert.All(descriptor.Operations, id => Assert.True(descriptor.HasOperation(id)));
        Assert.False(descriptor.HasOperation(descriptor.Operations[0].ToUpperInvariant()), "operationIds are compared exactly");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Client_is_the_one_the_build_generates_from_the_spec(string name)
    {
        var descriptor = DialectCatalog.Find(name)!;

        // The generation (build/Contracts.Generation.targets) writes generated/<Dialect>/<Dialect>Client.g.cs with
        // namespace Contracts.Clients.<Dialect>, for each ContractSpec item of Contracts.Clients.csproj.
        var generation = Generation.Read();
        var item = Assert.Single(generation.Specs, s => s.SpecFile == descriptor.SpecFile);
        Assert.Equal(generation.Namespace.Replace("%(Dialect)", item.Dialect, StringComparison.Ordinal), descriptor.ClientType.Namespace);
        Assert.Equal(generation.ClientName.Replace("%(Dialect)", item.Dialect, StringComparison.Ordinal), descriptor.ClientType.Name);
        Assert.Equal(typeof(DialectCatalog).Assembly, descriptor.ClientType.Assembly);
        Assert.NotNull(descriptor.ClientType.GetConstructor([typeof(HttpClient)]));

        var provenance = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "generated", item.Dialect, item.Dialect + "Client.provenance.json")))!;
        Assert.Equal("specs/" + descriptor.SpecFile, (string?)provenance["spec"]);
        Assert.Equal(item.Dialect, (string?)provenance["dialect"]);

        // nswag.json's default variables name one spec; where it is this one, they agree too.
        var defaults = ((string)JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "nswag.json")))!["defaultVariables"]!)
            .Split(',').Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1]);
        if (defaults["Spec"] == "specs/" + descriptor.SpecFile)
        {
            Assert.Equal(descriptor.ClientType.Namespace, defaults["Namespace"]);
            Assert.Equal(descriptor.ClientType.Name, defaults["ClientName"]);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Default_path_prefix_starts_every_path_of_the_spec(string name)
    {
        var descriptor = DialectCatalog.Find(name)!;
        var spec = SpecDocument.Load(descriptor.SpecFile);

        Assert.Equal(descriptor.DefaultPathPrefix.Trim('/'), descriptor.DefaultPathPrefix);
        Assert.All(SpecDocument.Operations(spec), o => Assert.StartsWith("/" + descriptor.DefaultPathPrefix + "/", o.Path, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Capabilities_are_the_ones_the_spec_shows(string name)
    {
        var descriptor = DialectCatalog.Find(name)!;
        var spec = SpecDocument.Load(descriptor.SpecFile);
        var operations = SpecDocument.Operations(spec).Select(o => o.Operation).ToList();
        var operationIds = operations.Select(o => (string)o["operationId"]!).ToList();
        var schemaProperties = spec["components"]!["schemas"]!.AsObject()
            .SelectMany(s => s.Value!["properties"]?.AsObject().Select(p => p.Key) ?? []).ToHashSet();
        var queryParameters = operations.SelectMany(o => o["parameters"]?.AsArray() ?? []).Select(p => (string?)p!["name"]).ToHashSet();

        var shown = DialectCapabilities.None;
        if (operationIds.Any(id => id.Contains("Lyrics", StringComparison.Ordinal))) shown |= DialectCapabilities.Lyrics;
        if (operationIds.Any(id => id.Contains("concat", StringComparison.OrdinalIgnoreCase))) shown |= DialectCapabilities.Concat;
        if (schemaProperties.Contains("ids") || queryParameters.Contains("ids")) shown |= DialectCapabilities.BatchQuery;
        if (operationIds.Any(id => id.Contains("Upload", StringComparison.Ordinal))) shown |= DialectCapabilities.Upload;
        if (operations.Any(o => o["callbacks"] is not null)) shown |= DialectCapabilities.Callback;
        if (schemaProperties.Contains("infill_start_s")) shown |= DialectCapabilities.Infill;
        if (schemaProperties.Contains("continue_clip_id")) shown |= DialectCapabilities.Continuation;

        Assert.Equal(shown, descriptor.Capabilities);
        Assert.True(descriptor.Has(DialectCapabilities.None));
        Assert.True(descriptor.Has(descriptor.Capabilities));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Status_tables_know_every_status_value_the_spec_documents(string name)
    {
        var descriptor = DialectCatalog.Find(name)!;
        var spec = SpecDocument.Load(descriptor.SpecFile);
        var problems = new List<string>();
        var hasTaskSchema = false;

        foreach (var (schemaName, schema) in spec["components"]!["schemas"]!.AsObject())
        {
            if (schema!["properties"]?["status"] is not { } status)
                continue;
            // Task objects are the schemas named ...Task (SunoTask, LyricsTask); clips are Clip. Other statuses
            // (lyrics results, uploads, native v2's batch) belong to no descriptor table.
            var table = schemaName == "Clip" ? DialectCatalog.ClipStatuses
                : schemaName.EndsWith("Task", StringComparison.Ordinal) ? descriptor.TaskStatuses
                : null;
            if (table is null)
                continue;
            hasTaskSchema |= schemaName != "Clip";
            var documented = DocumentedValues(status).ToList();
            if (documented.Count == 0)
                problems.Add($"{descriptor.SpecFile}: {schemaName}.status documents no value");
            foreach (var value in documented.Where(v => !table.ContainsKey(v)))
                problems.Add($"{descriptor.SpecFile}: {schemaName}.status value '{value}' is in no table of the descriptor");
        }

        Assert.Empty(problems);
        Assert.Equal(hasTaskSchema, descriptor.TaskStatuses.Count > 0);
    }

    [Fact]
    public void Status_tables_ignore_case_and_cover_the_final_states()
    {
        Assert.Equal(DialectStatus.Succeeded, DialectCatalog.ClipStatuses["COMPLETE"]);
        Assert.Equal(DialectStatus.Running, DialectCatalog.Task.TaskStatuses["in_progress"]);
        foreach (var table in DialectCatalog.All.Select(d => d.TaskStatuses).Where(t => t.Count > 0).Append(DialectCatalog.ClipStatuses))
        {
            Assert.Contains(DialectStatus.Succeeded, table.Values);
            Assert.Contains(DialectStatus.Failed, table.Values);
        }
        Assert.Same(DialectCatalog.GoAmzV35.TaskStatuses, DialectCatalog.GoAmzV30.TaskStatuses);
    }

    [Fact]
    public void The_readme_example_of_the_descriptors_runs()
    {
        // --- src/Contracts.Clients/README.md "The dialects in code" ---
        DialectDescriptor dialect = DialectCatalog.Find("task")!;
        bool canFetchMany = dialect.Has(DialectCapabilities.BatchQuery);             // true
        DialectStatus state = dialect.TaskStatuses["IN_PROGRESS"];                     // DialectStatus.Running
        // --- end of README example ---

        Assert.True(canFetchMany);
        Assert.Equal(DialectStatus.Running, state);
    }

    /// <summary>The values a status property documents: its enum, its example, and the back-quoted words of its
    /// description before "other values" (the specs' "Known values: `a`, `b`; other values may appear" wording).</summary>
    private static IEnumerable<string> DocumentedValues(JsonNode status)
    {
        foreach (var value in status["enum"]?.AsArray() ?? [])
            yield return (string)value!;
        if (status["example"] is JsonValue example)
            yield return (string)example!;
        var description = (string?)status["description"] ?? "";
        var known = description.IndexOf("Known value", StringComparison.OrdinalIgnoreCase);
        if (known < 0)
            yield break;
        var end = description.IndexOf("other values", known, StringComparison.OrdinalIgnoreCase);
        foreach (Match match in BackQuoted().Matches(end < 0 ? description[known..] : description[known..end]))
            yield return match.Groups[1].Value;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BackQuoted();

    /// <summary>The client generation's settings: Contracts.Clients.csproj's ContractSpec items and the namespace and
    /// class name templates of build/Contracts.Generation.targets.</summary>
    private sealed record Generation(IReadOnlyList<(string SpecFile, string Dialect)> Specs, string Namespace, string ClientName)
    {
        public static Generation Read()
        {
            var project = XDocument.Load(Path.Combine(Repository.Root, "src", "Contracts.Clients", "Contracts.Clients.csproj"));
            var specs = project.Descendants("ContractSpec")
                .Select(e => (Path.GetFileName((string)e.Attribute("Include")!), (string)e.Attribute("Dialect")!))
                .ToList();
            var targets = XDocument.Load(Path.Combine(Repository.Root, "build", "Contracts.Generation.targets"));
            var update = targets.Descendants("ContractSpec").Single(e => e.Attribute("Update") is not null);
            return new Generation(specs, (string)update.Element("Namespace")!, (string)update.Element("ClientName")!);
        }
    }
}
