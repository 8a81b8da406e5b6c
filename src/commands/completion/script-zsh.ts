/** The zsh script: candidates with descriptions through _describe, cobra's directives applied. */
export function zshScript(prog: string): string {
  const fn = `_${prog.replace(/\W/g, '_')}`;
  return `#compdef ${prog}
compdef ${fn} ${prog}
# zsh completion for ${prog}. Load it with:  source <(${prog} completion zsh)

${fn}() {
    local -a args candidates
    local out directive line
    args=("\${words[@]:1:$((CURRENT - 2))}")
    # NODE_EXTRA_CA_CERTS costs Node its start-up time; ktl adds those CAs itself when needed.
    out=$(KTL_NODE_EXTRA_CA_CERTS="\${NODE_EXTRA_CA_CERTS-}" NODE_EXTRA_CA_CERTS= \
        "\${words[1]}" __complete "\${args[@]}" "\${words[CURRENT]}" 2>/dev/null) || return 1
    directive=\${out##*:}
    out=\${out%:*}
    [[ $directive == <-> ]] || directive=0
    (( directive & 1 )) && return 1
    if (( directive & 8 )); then
        local -a globs
        for line in \${(f)out}; do [[ -n $line ]] && globs+=("*.$line"); done
        _files -g "(\${(j:|:)globs})"
        return
    fi
    if (( directive & 16 )); then _files -/; return; fi
    for line in \${(f)out}; do
        [[ -z $line ]] && continue
        if [[ $line == *$'\\t'* ]]; then
            candidates+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}")
        else
            candidates+=("\${line//:/\\\\:}")
        fi
    done
    if (( \${#candidates} == 0 )); then
        (( directive & 4 )) || _files
        return
    fi
    local -a opts
    (( directive & 2 )) && opts+=(-S '')
    _describe -t ${prog}-values 'completions' candidates "\${opts[@]}"
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    ${fn} "$@"
fi
`;
}
