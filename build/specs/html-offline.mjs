// The HTML reference pages must work offline: no script, stylesheet or frame they load from elsewhere.

/** The `src`/`href` of every `<script>`, `<link>` and `<iframe>` tag that points outside the page (http, https, //). */
export function externalLoads(html) {
  const tags = html.match(/<(script|link|iframe)\b[^>]*>/gi) ?? [];
  return tags
    .map((tag) => /\b(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/i.exec(tag)?.[1])
    .filter((url) => url !== undefined);
}
