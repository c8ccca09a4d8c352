#!/bin/sh
# tests/cli/parse.sh -- command-line tests of `warta parse`, `warta train`
# and `warta eval-parse`.
#
#   sh tests/cli/parse.sh PATH_TO_WARTA        (from the repository root)
#
# The models are data/models/<lang>.model when `make models` has built
# them, else one trained here on tests/data/syntax/tiny-en.conllu (its
# parses are poor, but CoNLL-U is CoNLL-U).  One line per case, as
# tests/cli/run.sh.  KEEP=1 keeps the temporary directory.

W=${1:?usage: sh tests/cli/parse.sh PATH_TO_WARTA}
SUITE=parse
SUITE_TIMEOUT=300
. tests/cli/lib.sh

TINY=tests/data/syntax/tiny-en.conllu

# conllu_ok [FILE]: FILE (default $T/out) is valid CoNLL-U: comment lines,
# then ten tab-separated columns a word; ids 1, 2, 3 ...; a range line
# "a-b" right before word a, b within the sentence; heads in range, one
# root and no cycle when the words are parsed; a sent_id and a text.
cat >"$T/conllu.py" <<'EOF'
import sys

def check(path):
    sents, cur = [], None
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line:
            assert cur and cur['words'], 'line %d: an empty sentence' % n
            sents.append(cur)
            cur = None
            continue
        if cur is None:
            cur = {'comments': {}, 'words': [], 'ranges': [], 'line': n}
        if line.startswith('#'):
            assert not cur['words'], 'line %d: a comment among words' % n
            key = line[1:].split('=', 1)[0].strip()
            cur['comments'][key] = line.split('=', 1)[1].strip() if '=' in line else ''
            continue
        c = line.split('\t')
        assert len(c) == 10, 'line %d: %d columns' % (n, len(c))
        assert all(x != '' for x in c), 'line %d: an empty column' % n
        if '-' in c[0]:
            a, b = map(int, c[0].split('-'))
            assert a == len(cur['words']) + 1 and b > a, 'line %d: range %s' % (n, c[0])
            cur['ranges'].append((a, b))
            assert c[2:9] == ['_'] * 7, 'line %d: a range with annotation' % n
            continue
        assert int(c[0]) == len(cur['words']) + 1, 'line %d: id %s' % (n, c[0])
        cur['words'].append(c)
    assert cur is None, 'no empty line after the last sentence'
    ids = set()
    for s in sents:
        assert 'sent_id' in s['comments'] and 'text' in s['comments'], \
            'line %d: no sent_id or text' % s['line']
        assert s['comments']['sent_id'] not in ids, 'sent_id used twice'
        ids.add(s['comments']['sent_id'])
        w = s['words']
        for a, b in s['ranges']:
            assert b <= len(w), 'line %d: range past the words' % s['line']
        if w[0][6] == '_':
            assert all(x[6] == '_' for x in w), 'line %d: half parsed' % s['line']
            continue
        heads = [int(x[6]) for x in w]
        assert all(0 <= h <= len(w) for h in heads), 'line %d: head out of range' % s['line']
        assert heads.count(0) == 1, 'line %d: %d roots' % (s['line'], heads.count(0))
        for i in range(len(w)):
            at, steps = i + 1, 0
            while at:
                at, steps = heads[at - 1], steps + 1
                assert steps <= len(w), 'line %d: a cycle' % s['line']
    print(len(sents))

try:
    check(sys.argv[1])
except (AssertionError, ValueError) as e:
    print('not CoNLL-U: %s' % e)
    sys.exit(1)
EOF
conllu_ok() {
    r=$(python3 "$T/conllu.py" "${1:-$T/out}" 2>&1) || bad "$r"
}

# ---- models -----------------------------------------------------------------

if [ -r data/models/en.model ] && [ -r data/models/id.model ]; then
    EN=data/models/en.model
    ID=data/models/id.model
else
    skip "no data/models (make models): tiny models trained here"
    "$W" train --lang en --tagger-epochs 2 --parser-epochs 2 --folds 1 \
        --out "$T/en.model" "$TINY" || exit 2
    "$W" train --lang id --tagger-epochs 2 --parser-epochs 2 --folds 1 \
        --out "$T/id.model" "$TINY" || exit 2
    EN=$T/en.model
    ID=$T/id.model
fi

printf '%s\n' \
    '{"id":"e1","text":"Russia'"'"'s foreign minister didn'"'"'t meet his Chinese counterpart in Beijing. They'"'"'re going to talk again, a well-known aide said."}' \
    '{"id":"e2","title":"Talks end","text":"The talks, which were criticised by Washington, ended on Monday."}' \
    >"$T/en.jsonl"
printf '%s\n' \
    '{"id":"i1","text":"Menteri Luar Negeri Indonesia bertemu dengan mitranya di Jakarta. Apakah kedua negara sepakat? Sebelumnya, harganya Rp300 juta."}' \
    >"$T/id.jsonl"

# ---- warta parse ------------------------------------------------------------

begin
run parse --model "$EN" --lang en "$T/en.jsonl"
want_rc 0
conllu_ok
out_has '# newdoc id = e1'
out_has '# sent_id = e2-1'
out_has "# text = Russia's foreign minister didn't meet"
out_has "	Russia's	_	_	_	_	_	_	_	_"     # a range line
out_has "	n't	_	"
err_empty
end "parse: English in CoNLL-U, with its multiword tokens"

begin
run parse --model "$ID" --lang id "$T/id.jsonl"
want_rc 0
conllu_ok
out_has "	mitranya	_	_	_	_	_	_	_	_"
out_has "	nya	_	"
out_has "	Sebelumnya	_	"
end "parse: Indonesian clitics as multiword tokens"

begin
run parse --format json --model "$EN" --model "$ID" "$T/en.jsonl" "$T/id.jsonl"
want_rc 0
python3 - "$T/out" >"$T/py" 2>&1 <<'EOF' || bad "$(cat "$T/py")"
import json, sys
S = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
assert {s['lang'] for s in S} == {'en', 'id'}, 'languages %s' % {s['lang'] for s in S}
for s in S:
    assert s['words'] and s['tokens'], 'no words or tokens'
    for t in s['tokens']:
        assert t['upos'] and t['deprel'], 'token %s unparsed' % t['text']
        assert -1 <= t['head'] < len(s['tokens']), 'token head %s' % t['head']
    for w in s['words']:
        assert 0 <= w['token'] < len(s['tokens']), 'word token %s' % w['token']
        assert -1 <= w['head'] < len(s['words']), 'word head %s' % w['head']
    assert sum(w['head'] == -1 for w in s['words']) == 1, 'roots'
EOF
end "parse --format json: tokens and words of both languages"

begin
printf '%s\n' '{"id":"fr1","text":"Le président de la République française a rencontré hier le Premier ministre italien à Paris pour discuter de la coopération économique entre les deux pays et de la situation en Europe."}' >"$T/fr.jsonl"
run parse --model "$EN" "$T/fr.jsonl"
want_rc 0
conllu_ok
out_has "	_	_	_	_	_	_	_	_"
err_has "no syntax model for language 'fr'"
err_lines 1
end "parse: a language without a model is cut, not parsed, and said once"

begin
run parse --format xml "$T/en.jsonl"
want_rc 2
err_has "warta: parse: --format: 'xml' is not conllu or json"
out_empty
end "parse: a bad --format is an error"

begin
run parse --model "$T/none.model" "$T/en.jsonl"
want_rc 3
err_has "$T/none.model"
out_empty
end "parse: a missing model is an error naming it"

begin
head -c 100 "$EN" >"$T/cut.model"
run parse --model "$T/cut.model" "$T/en.jsonl"
want_rc 3
err_has "$T/cut.model: truncated or corrupt model"
end "parse: a truncated model is an error naming it"

begin
printf 'not a model\n' >"$T/text.model"
run parse --model "$T/text.model" "$T/en.jsonl"
want_rc 3
err_has "$T/text.model: not a warta syntax model"
end "parse: a file that is not a model is an error naming it"

# Models load side by side, each on a thread of its own: every one that
# fails is named, in the order given, and the command stops.
begin
run code --model "$T/cut.model" --model "$EN" --model "$T/text.model" "$T/en.jsonl"
want_rc 3
out_empty
[ "$(grep -c 'model' "$T/err")" = 2 ] || bad "not one message a bad model: $(cat "$T/err")"
[ "$(sed -n 1p "$T/err" | grep -c cut.model)$(sed -n 2p "$T/err" | grep -c text.model)" = 11 ] ||
    bad "the messages are not in the order given: $(cat "$T/err")"
end "code: models load side by side; each that fails is named, in the order given"

# ---- warta train ----------------------------------------------------------------

begin
run train --lang en --tagger-epochs 2 --parser-epochs 2 --folds 2 \
    --out "$T/a.model" "$TINY"
want_rc 0
err_empty                                   # quiet when not on a terminal
run train --lang en --tagger-epochs 2 --parser-epochs 2 --folds 2 \
    --out "$T/b.model" "$TINY"
cmp -s "$T/a.model" "$T/b.model" || bad "two trainings differ"
end "train: the same files give the same model bytes, quietly"

begin
run train --lang en --folds zero --out "$T/c.model" "$TINY"
want_rc 2
err_has "warta: train: --folds: 'zero' is not a whole number from 1 to 100"
[ ! -e "$T/c.model" ] || bad "a model was written"
end "train: a bad number is an error"

begin
run train --lang English --out "$T/c.model" "$TINY"
want_rc 2
err_has "--lang: 'English' is not an ISO 639 language code"
run train --lang en "$TINY"
want_rc 2
err_has "warta: train: --out is required"
run train --lang en --out "$T/c.model"
want_rc 2
err_has "no treebank"
end "train: a bad or missing option is an error"

begin
run train --lang en --out "$T/c.model" "$T/none.conllu"
want_rc 3
err_has "$T/none.conllu"
end "train: a missing treebank is an error naming it"

# ---- warta eval-parse -----------------------------------------------------------

begin
run eval-parse --model "$T/a.model" "$TINY"
want_rc 0
out_has "gold tokens: 56 words"
out_has "own tokens: 56 gold words"
out_has "  UPOS "
out_has "LAS"
out_has "nsubj:pass"
end "eval-parse: scores on gold tokens, own tokens and per relation"

begin
{ cat "$TINY"; printf '1\tBad\tbad\tX\t_\t_\tseven\troot\t_\t_\n\n'; } >"$T/bad.conllu"
run eval-parse --model "$T/a.model" "$T/bad.conllu"
want_rc 1
err_has "$T/bad.conllu:"
out_has "1 malformed, skipped"
end "eval-parse: a malformed line is reported by file:line, the rest scored"

begin
run eval-parse --model "$T/a.model" --lang en "$TINY"
want_rc 2
err_has "--model and --lang cannot be used together"
run eval-parse "$TINY"
want_rc 2
err_has "which model?"
end "eval-parse: the model must be told"

finish
