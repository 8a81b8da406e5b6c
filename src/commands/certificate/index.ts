import { Command } from 'commander';
import { asCommandGroup } from '../../runtime/command-group.js';
import type { CommandContext } from '../../runtime/command-context.js';
import { factoryFor } from '../../runtime/command-context.js';
import type { CommandHelp, SubcommandHelp } from '../../runtime/command-help.js';
import { withGroupHelp } from '../../runtime/command-help.js';
import { addPrintFlags } from '../../runtime/print-flags.js';
import { addFilenameFlags } from '../../runtime/filename-flags.js';
import type { CertificateFlags, Decision } from './run-certificate.js';

const GROUP_HELP: CommandHelp = { long: 'Modify certificate resources.', usage: 'SUBCOMMAND' };

const APPROVE_HELP: CommandHelp = {
  long: `Approve a certificate signing request.

 ktl certificate approve allows a cluster admin to approve a certificate signing request (CSR). This action tells a certificate signing controller to issue a certificate to the requester with the attributes requested in the CSR.

 SECURITY NOTICE: Depending on the requested attributes, the issued certificate can potentially grant a requester access to cluster resources or to authenticate as a requested identity. Before approving a CSR, ensure you understand what the signed certificate can do.`,
  example: `# Approve CSR 'csr-sqgzp'\nktl certificate approve csr-sqgzp`,
  usage: '(-f FILENAME | NAME)',
};

const DENY_HELP: CommandHelp = {
  long: `Deny a certificate signing request.

 ktl certificate deny allows a cluster admin to deny a certificate signing request (CSR). This action tells a certificate signing controller to not to issue a certificate to the requester.`,
  example: `# Deny CSR 'csr-sqgzp'\nktl certificate deny csr-sqgzp`,
  usage: '(-f FILENAME | NAME)',
};

function decisionCommand(context: CommandContext, decision: Decision): Command {
  const verb = decision === 'Approved' ? 'approve' : 'deny';
  const command = new Command(verb)
    .description(
      decision === 'Approved'
        ? 'Approve a certificate signing request'
        : 'Deny a certificate signing request',
    )
    .argument('[args...]', '(-f FILENAME | NAME)')
    .option(
      '--force',
      `Update the CSR even if it is already ${decision === 'Approved' ? 'approved' : 'denied'}.`,
    );
  addFilenameFlags(command, 'update');
  return addPrintFlags(command).action(
    async (args: string[], flags: CertificateFlags, cmd: Command) => {
      const { runCertificate } = await import('./run-certificate.js');
      await runCertificate(factoryFor(context, cmd), args, flags, decision);
    },
  );
}

/** `ktl certificate approve|deny`. */
export function newCertificateCommand(context: CommandContext): Command {
  const group = new Command('certificate')
    .description('Modify certificate resources')
    .addCommand(decisionCommand(context, 'Approved'))
    .addCommand(decisionCommand(context, 'Denied'));
  const help: SubcommandHelp = [
    [['approve'], APPROVE_HELP],
    [['deny'], DENY_HELP],
  ];
  asCommandGroup(group, context.streams, 'help');
  return withGroupHelp(group, GROUP_HELP, help);
}
