# fish completion for ktl. Load it with:  ktl completion fish | source

function __ktl_request
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    # NODE_EXTRA_CA_CERTS costs Node its start-up time; ktl adds those CAs itself when needed.
    set -l out (env KTL_NODE_EXTRA_CA_CERTS="$NODE_EXTRA_CA_CERTS" NODE_EXTRA_CA_CERTS= \
        $tokens[1] __complete $tokens[2..-1] "$current" 2>/dev/null)
    set -l directive (string replace -r '^:' '' -- $out[-1])
    set -e out[-1]
    if test (math "$directive % 2") -eq 1
        return
    end
    if test (math "floor($directive / 8) % 2") -eq 1
        for ext in $out
            __fish_complete_suffix .$ext
        end
        return
    end
    if test (math "floor($directive / 16) % 2") -eq 1
        __fish_complete_directories $current
        return
    end
    for line in $out
        test -n "$line"; and echo $line
    end
    if test (count $out) -eq 0; and test (math "floor($directive / 4) % 2") -eq 0
        __fish_complete_path $current
    end
end

complete -c ktl -e
complete -c ktl -f -a '(__ktl_request)'
