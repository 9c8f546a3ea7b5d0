// One line per openapi-diff difference, naming the operation it affects (METHOD /path) rather than a JSON path.

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

// What each openapi-diff code means for a client, in the words of a team reading the gate's output.
const meanings = {
  'path.remove': 'a path was removed',
  'method.remove': 'an operation was removed',
  'path.add': 'a path was added',
  'method.add': 'an operation was added',
  'request.body.scope.remove': 'the request body accepts less than before (a new required field, a new or narrower field type, a removed value)',
  'request.body.scope.add': 'the request body accepts more than before',
  'response.body.scope.add': 'the response may hold what clients were not told to expect (a field removed or loosened, a type widened)',
  'response.body.scope.remove': 'the response is narrower than before (a new optional field, a tighter type)',
  'response.required.header.remove': 'a required response header was removed',
  'response.status-code.remove': 'a response status was removed',
  'response.status-code.add': 'a response status was added',
};

/** `code at METHOD /path (rest of the location): meaning`, from the first location openapi-diff gives. */
export function describeDifference(difference) {
  const location = [...(difference.destinationSpecEntityDetails ?? []), ...(difference.sourceSpecEntityDetails ?? [])]
    .map((details) => details.location)
    .find((value) => typeof value === 'string');
  const meaning = meanings[difference.code] ? `: ${meanings[difference.code]}` : '';
  return `${difference.code} at ${location ? operationOf(location) : 'an unknown location'}${meaning}`;
}

// openapi-diff locations read `paths./suno/fetch/{taskId}.get.responses.200.content.application/json.schema`.
function operationOf(location) {
  if (!location.startsWith('paths.')) return location;
  const rest = location.slice('paths.'.length);
  for (const method of methods) {
    const marker = rest.indexOf(`.${method}`);
    if (marker > 0 && (rest.length === marker + method.length + 1 || rest[marker + method.length + 1] === '.')) {
      const detail = rest.slice(marker + method.length + 2);
      return `${method.toUpperCase()} ${rest.slice(0, marker)}${detail ? ` (${detail})` : ''}`;
    }
  }
  return `path ${rest}`;
}
