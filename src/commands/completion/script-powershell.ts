/** The PowerShell script: Register-ArgumentCompleter calling `<prog> __complete`. */
export function powershellScript(prog: string): string {
  return `# powershell completion for ${prog}. Load it with:  ${prog} completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -CommandName '${prog}' -ScriptBlock {
    param($WordToComplete, $CommandAst, $CursorPosition)
    $line = $CommandAst.Extent.Text.Substring(0, [Math]::Min($CursorPosition - $CommandAst.Extent.StartOffset, $CommandAst.Extent.Text.Length))
    $words = @($line -split '\\s+' | Where-Object { $_ -ne '' })
    $program = $words[0]
    $args = @()
    if ($words.Count -gt 1) { $args = $words[1..($words.Count - 1)] }
    if ($WordToComplete -ne '' -and $args.Count -gt 0) { $args = $args[0..($args.Count - 2)] }
    # NODE_EXTRA_CA_CERTS costs Node its start-up time; ktl adds those CAs itself when needed.
    $extraCas = $env:NODE_EXTRA_CA_CERTS
    $env:KTL_NODE_EXTRA_CA_CERTS = $extraCas
    $env:NODE_EXTRA_CA_CERTS = $null
    try { $out = & $program __complete @args "$WordToComplete" 2>$null }
    finally { $env:NODE_EXTRA_CA_CERTS = $extraCas; $env:KTL_NODE_EXTRA_CA_CERTS = $null }
    if (-not $out) { return }
    $directive = [int]($out[-1].TrimStart(':'))
    if ($directive -band 1) { return }
    $out | Select-Object -SkipLast 1 | Where-Object { $_ -ne '' } | ForEach-Object {
        $parts = $_ -split "\`t", 2
        $desc = if ($parts.Count -gt 1 -and $parts[1]) { $parts[1] } else { $parts[0] }
        $value = $parts[0]
        if (-not ($directive -band 2)) { $value = "$value " }
        [System.Management.Automation.CompletionResult]::new($value, $parts[0], 'ParameterValue', $desc)
    }
}
`;
}
