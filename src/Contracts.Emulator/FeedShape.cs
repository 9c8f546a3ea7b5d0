namespace Contracts.Emulator;

/// <summary>How the native v2 <c>getFeed</c> operation shapes its answer (<see cref="VendorEmulatorOptions.FeedShape"/>;
/// per request, the <see cref="EmulatorFault.FeedPage"/> and <see cref="EmulatorFault.FeedCursorPage"/> variants).
/// Relays passing Suno's feed through have answered each of them; the spec's <c>FeedAnswer</c> allows all.</summary>
public enum FeedShape
{
    /// <summary>A bare array of clips (the default, as relays have long answered).</summary>
    Array,

    /// <summary>A page object <c>{clips, num_total_results, current_page}</c> (schema <c>FeedPage</c>), always the
    /// only page: <c>num_total_results</c> is the number of clips and <c>current_page</c> is 0.</summary>
    Page,

    /// <summary>A page object in the newer cursor style <c>{clips, has_more, next_cursor}</c> (schema
    /// <c>FeedPage</c>), always the last page: <c>has_more</c> is false and <c>next_cursor</c> null.</summary>
    CursorPage,
}
