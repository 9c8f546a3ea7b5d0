#!/usr/bin/env bash
# Native AOT check of the `contracts` CLI (issue 14): publishes src/Contracts.Cli with PublishAot=true into a temporary
# folder, fails on any trim or AOT warning but the known ones of the validator's third-party libraries, then runs the
# native binary outside the repository: `generate` on the embedded emulator (its state in a temporary file, never the
# user's data folder) must save non-empty WAV files, and `validate` must find the specs beside the binary and give the
# verdicts the sample manifest expects. Prints how long the publish and the whole check took.
#
#   build/aot-check.sh              # the runtime identifier of this machine (linux-x64, linux-arm64, osx-arm64, ...)
#   AOT_RID=linux-musl-x64 build/aot-check.sh
#
# Needs the .NET SDK and the native toolchain AOT needs (clang or gcc, and zlib headers on Linux).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

check_start=$(date +%s)

rid=${AOT_RID:-}
if [ -z "$rid" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) rid=linux-x64 ;;
    Linux-aarch64 | Linux-arm64) rid=linux-arm64 ;;
    Darwin-x86_64) rid=osx-x64 ;;
    Darwin-arm64) rid=osx-arm64 ;;
    *) echo "FAIL: no runtime identifier known for $(uname -s) $(uname -m); set AOT_RID." >&2; exit 1 ;;
  esac
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
publish="$tmp/publish"
work="$tmp/work"
mkdir -p "$work"
log="$tmp/publish.log"

echo "== native AOT publish of src/Contracts.Cli ($rid) =="
# The native compile runs every time (its warnings are the point), whatever an earlier publish left in obj/.
rm -rf "src/Contracts.Cli/obj/Release/net10.0/$rid/native"
publish_start=$(date +%s)
if ! dotnet publish src/Contracts.Cli/Contracts.Cli.csproj -c Release -r "$rid" -p:PublishAot=true -o "$publish" > "$log" 2>&1; then
  cat "$log"
  echo "FAIL: the native AOT publish failed." >&2
  exit 1
fi
publish_seconds=$(( $(date +%s) - publish_start ))

# Every warning, once (MSBuild repeats them in its summary). The only ones allowed come from the validator's
# third-party libraries, which are not annotated for trimming (src/Contracts.Cli/Contracts.Cli.csproj says why):
# one IL2104/IL3053 per assembly, and IL3000/IL3002 in Namotion.Reflection's XML-docs lookup.
third_party='(Namotion\.Reflection|Newtonsoft\.Json|NJsonSchema|NJsonSchema\.Yaml|NSwag\.Core|NSwag\.Core\.Yaml|YamlDotNet)'
warnings=$(grep -E 'warning [A-Z]+[0-9]+' "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u || true)
unexpected=$(printf '%s\n' "$warnings" | grep -vE "/$third_party\.dll : warning IL(2104|3053): Assembly '$third_party' produced" \
  | grep -vE '^ILC : warning IL(3000|3002): Namotion\.Reflection\.' | grep -v '^$' || true)
echo "publish: ${publish_seconds}s, $(printf '%s\n' "$warnings" | grep -c . || true) warning(s), all from third-party libraries unless listed below"
if [ -n "$unexpected" ]; then
  printf '%s\n' "$unexpected"
  echo "FAIL: the native AOT publish has trim or AOT warnings outside the known third-party libraries (listed above)." >&2
  exit 1
fi

bin="$publish/contracts"
[ -x "$bin" ] || { echo "FAIL: no native binary at $bin." >&2; exit 1; }
if [ -f "$publish/contracts.dll" ]; then
  echo "FAIL: the publish folder holds contracts.dll; this is not a native AOT build." >&2
  exit 1
fi

echo "== contracts generate on the embedded emulator (native binary, outside the repository) =="
(
  cd "$work"
  CONTRACTS_STATE="$tmp/emulator-state.json" "$bin" generate "a calm song about the sea"
) || { echo "FAIL: 'contracts generate' exited with $?." >&2; exit 1; }
shopt -s nullglob
wavs=("$work"/out/*.wav)
shopt -u nullglob
[ "${#wavs[@]}" -ge 1 ] || { echo "FAIL: generate saved no WAV file into out/." >&2; exit 1; }
for f in "${wavs[@]}"; do
  [ -s "$f" ] || { echo "FAIL: $f is empty." >&2; exit 1; }
  [ "$(head -c 4 "$f")" = "RIFF" ] || { echo "FAIL: $f is not a WAV file." >&2; exit 1; }
done
ls -l "$work/out"
[ -s "$tmp/emulator-state.json" ] || { echo "FAIL: the emulator kept no state in CONTRACTS_STATE." >&2; exit 1; }

# Run from the temporary folder: the specs must be found beside the binary (publish/specs), not in the repository.
echo "== contracts validate (the specs beside the binary) =="
samples="$publish/specs/samples"
validate() {
  local expected=$1
  shift
  local output code=0
  output=$(cd "$work" && "$bin" validate "$@" 2>&1) || code=$?
  printf '%s\n' "$output"
  if [ "$code" -ne "$expected" ]; then
    echo "FAIL: 'contracts validate $*' exited with $code, expected $expected." >&2
    exit 1
  fi
  VALIDATE_OUTPUT=$output
}
validate 0 "$samples/goamz-v3.5/getMusic.response.json" --dialect goamz-v3.5 --operation getMusic
[ "$VALIDATE_OUTPUT" = "valid" ] || { echo "FAIL: a valid sample was not reported as 'valid'." >&2; exit 1; }
validate 1 "$samples/task/fetchTask.response.other-crazyrouter-processing-code-int.real.json" --dialect task --operation fetchTask
grep -q "3 violation(s)" <<< "$VALIDATE_OUTPUT" || { echo "FAIL: the invalid sample did not report its 3 violations." >&2; exit 1; }
validate 0 "$samples/native-v2/generateMusic.response.json" --dialect native-v2 --schema GenerateResponse
validate 0 "$samples/task/submitMusic.request.custom.json" --dialect task --operation submitMusic --request
# Every sample of the manifest against its expected verdict, in all four dialects.
validate 0 --samples

echo "aot-check: passed (publish ${publish_seconds}s, whole check $(( $(date +%s) - check_start ))s)"
