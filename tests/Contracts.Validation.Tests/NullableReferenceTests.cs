namespace Contracts.Validation.Tests;

/// <summary>
/// OpenAPI `nullable` on a reference (allOf + nullable) is honoured, and the success answer is told from the error
/// envelope by the schema itself (its `code` is exactly `success`).
/// </summary>
public sealed class NullableReferenceTests
{
    private const string TaskNotExist = """{"code":"task_not_exist","message":"task_not_exist","data":null}""";

    [Fact]
    public async Task The_error_envelope_with_null_data_is_a_valid_error_answer()
    {
        var result = await Repository.Validator.ValidateAsync(TaskNotExist, ValidationTarget.Response("task", "fetchTask", 400), TestCancellation.Token);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task The_error_envelope_is_not_a_success_answer_even_with_HTTP_200()
    {
        var result = await Repository.Validator.ValidateAsync(TaskNotExist, ValidationTarget.Response("task", "fetchTask"), TestCancellation.Token);

        Assert.Equal(["/code pattern", "/data null"], result.Violations.Select(v => $"{v.Pointer} {v.Rule}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wrongly_typed_task_in_the_envelope_is_still_caught()
    {
        var result = await Repository.Validator.ValidateAsync("""{"code":"success","message":"","data":{"task_id":5,"action":"MUSIC","status":"SUCCESS","progress":"100%","data":[]}}""",
            ValidationTarget.Response("task", "fetchTask"), TestCancellation.Token);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("/data/task_id", violation.Pointer);
        Assert.Equal("type", violation.Rule);
    }
}
