namespace Contracts.Validation.Tests;

/// <summary>OpenAPI `nullable` on a reference (allOf + nullable) is honoured, as the specs' descriptions promise.</summary>
public sealed class NullableReferenceTests
{
    [Fact]
    public async Task A_task_envelope_with_null_data_is_valid()
    {
        // The task dialect answers a failed lookup with its envelope and `data: null`, sometimes with HTTP 200.
        var result = await Repository.Validator.ValidateAsync("""{"code":"task_not_exist","message":"task_not_exist","data":null}""",
            ValidationTarget.Response("task", "fetchTask"), TestCancellation.Token);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task A_wrongly_typed_task_in_the_envelope_is_still_caught()
    {
        var result = await Repository.Validator.ValidateAsync("""{"code":"success","message":"","data":{"task_id":5}}""",
            ValidationTarget.Response("task", "fetchTask"), TestCancellation.Token);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("/data/task_id", violation.Pointer);
        Assert.Equal("type", violation.Rule);
    }
}
