/**
 * The bash script: asks `<prog> __complete` for candidates and applies cobra's directives.
 * Works with the bash-completion package (its _init_completion) and without it.
 */
export function bashScript(prog: string): string {
  const fn = `__${prog.replace(/\W/g, '_')}`;
  return `# bash completion for ${prog}                              -*- shell-script -*-
# Load it with:  source <(${prog} completion bash)

${fn}_words() {
    # Split the line as bash-completion does, keeping "=" and ":" inside words.
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n =: || return 1
    else
        cur="\${COMP_WORDS[COMP_CWORD]}"
        words=("\${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
}

${fn}_complete() {
    local cur prev words cword
    ${fn}_words || return

    local -a args=("\${words[@]:1:$((cword - 1))}")
    local out directive
    # NODE_EXTRA_CA_CERTS costs Node its start-up time; ktl adds those CAs itself when needed.
    out=$(KTL_NODE_EXTRA_CA_CERTS="\${NODE_EXTRA_CA_CERTS-}" NODE_EXTRA_CA_CERTS= \
        "\${words[0]}" __complete "\${args[@]}" "$cur" 2>/dev/null) || return
    directive=\${out##*:}
    out=\${out%:*}
    [[ $directive =~ ^[0-9]+$ ]] || directive=0

    if (( directive & 1 )); then return; fi                 # error
    if (( directive & 2 )); then compopt -o nospace 2>/dev/null; fi
    if (( directive & 4 )); then compopt +o default 2>/dev/null; fi

    if (( directive & 8 )); then                           # filter files by extension
        local ext pattern=""
        while IFS= read -r ext; do [[ -n $ext ]] && pattern+="\${pattern:+|}$ext"; done <<< "$out"
        if declare -F _filedir >/dev/null 2>&1; then _filedir "@($pattern)"; else
            mapfile -t COMPREPLY < <(compgen -f -X "!*.@($pattern)" -- "$cur"; compgen -d -- "$cur"); fi
        return
    fi
    if (( directive & 16 )); then                          # directories only
        if declare -F _filedir >/dev/null 2>&1; then _filedir -d; else mapfile -t COMPREPLY < <(compgen -d -- "$cur"); fi
        return
    fi

    local -a candidates=()
    local line
    while IFS= read -r line; do
        [[ -z $line ]] && continue
        candidates+=("\${line%%$'\\t'*}")
    done <<< "$out"
    local IFS=$'\\n'
    mapfile -t COMPREPLY < <(compgen -W "\${candidates[*]}" -- "$cur")
    if declare -F __ltrim_colon_completions >/dev/null 2>&1; then __ltrim_colon_completions "$cur"; fi
    if (( \${#COMPREPLY[@]} == 0 && (directive & 4) == 0 )); then
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    fi
}

complete -o default -F ${fn}_complete ${prog}
`;
}
