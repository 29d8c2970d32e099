// Reference data of the demo: regions (with the policy's languages), phone lines, products and
// versions in every lifecycle phase, and the knowledge base.
import type { LifecyclePhase } from '../../src/generated/prisma/enums'

export const REGIONS = [
  {
    code: 'US',
    name: 'United States',
    languages: ['English', 'Spanish'],
    defaultTimeZone: 'America/New_York',
    phones: [{ country: 'United States', number: '+1 800 555 0142', hours: 'Mon–Fri 08:00–20:00 ET; 24/7 for Severity 1 on Production and Premier' }],
  },
  {
    code: 'CA',
    name: 'Canada',
    languages: ['English', 'French'],
    defaultTimeZone: 'America/Toronto',
    phones: [{ country: 'Canada', number: '+1 800 555 0177', hours: 'Mon–Fri 08:00–20:00 ET' }],
  },
  {
    code: 'EMEA',
    name: 'Europe, Middle East, Africa',
    languages: ['English', 'German', 'French', 'Russian', 'Spanish', 'Italian'],
    defaultTimeZone: 'Europe/Berlin',
    phones: [
      { country: 'United Kingdom', number: '+44 20 7946 0321', hours: null },
      { country: 'Germany', number: '+49 30 5557 1200', hours: null },
      { country: 'France', number: '+33 1 5555 0199', hours: null },
    ],
  },
  {
    code: 'APAC',
    name: 'Asia Pacific',
    languages: ['English', 'Japanese', 'Chinese (Mandarin)'],
    defaultTimeZone: 'Asia/Singapore',
    phones: [
      { country: 'Australia', number: '+61 2 5550 1234', hours: null },
      { country: 'Singapore', number: '+65 5555 0100', hours: null },
      { country: 'Japan', number: '+81 3 5555 0123', hours: null },
    ],
  },
  {
    code: 'LATAM',
    name: 'Latin America',
    languages: ['English', 'Spanish', 'Portuguese'],
    defaultTimeZone: 'America/Sao_Paulo',
    phones: [
      { country: 'Brazil', number: '+55 11 5555 0100', hours: null },
      { country: 'Mexico', number: '+52 55 5555 0123', hours: null },
    ],
  },
] as const

export const PRODUCTS: { name: string; versions: { name: string; phase: LifecyclePhase; releasedAt: string }[] }[] = [
  {
    name: 'Vault Backup & Replication',
    versions: [
      { name: '13.0', phase: 'CURRENT', releasedAt: '2026-03-10' },
      { name: '12.3', phase: 'LIMITED', releasedAt: '2025-01-14' },
      { name: '11.0', phase: 'DISCONTINUED', releasedAt: '2021-02-24' },
    ],
  },
  {
    name: 'Vault Agent for Linux',
    versions: [
      { name: '7.0', phase: 'CURRENT', releasedAt: '2026-04-02' },
      { name: '6.2', phase: 'LIMITED', releasedAt: '2024-09-18' },
      { name: '5.0', phase: 'DISCONTINUED', releasedAt: '2021-03-01' },
    ],
  },
  {
    name: 'Vault ONE Monitor',
    versions: [
      { name: '13.0', phase: 'CURRENT', releasedAt: '2026-03-10' },
      { name: '12.1', phase: 'LIMITED', releasedAt: '2024-06-11' },
    ],
  },
  {
    name: 'Vault Cloud Connect',
    versions: [
      { name: '13.0', phase: 'CURRENT', releasedAt: '2026-03-10' },
      { name: '10.0', phase: 'DISCONTINUED', releasedAt: '2020-02-18' },
    ],
  },
]

// [product index | null, title, summary, tags]
const KB: [number | null, string, string, string[]][] = [
  [
    0,
    'Backup job fails with "Insufficient free space on repository"',
    "Free space on the repository is below the job's requirement; add capacity or enable retention cleanup.",
    ['backup', 'repository', 'storage'],
  ],
  [
    0,
    'Replication job stuck at "Waiting for infrastructure resources"',
    'A proxy or repository task slot is held by another job; review concurrent task limits.',
    ['replication', 'proxy', 'performance'],
  ],
  [
    0,
    'Restore point is missing after a retention change',
    'Retention applies at the next run; points older than the new policy are merged or deleted.',
    ['retention', 'restore'],
  ],
  [
    0,
    'Instant recovery fails with "Failed to publish disk"',
    'The mount server cannot reach the NFS datastore; check firewall ports 111 and 2049.',
    ['restore', 'instant recovery', 'network'],
  ],
  [
    0,
    'Backup copy job reports "Source data was not found"',
    'The source backup was moved or re-keyed; rescan the repository and map the chain.',
    ['backup copy', 'repository'],
  ],
  [
    0,
    'Console cannot connect to the backup server after upgrade',
    'The console and server versions differ; install the matching console build.',
    ['upgrade', 'console', 'connection'],
  ],
  [
    0,
    'Slow backup performance: bottleneck shows "Source"',
    'Read throughput from production storage limits the job; use direct storage access.',
    ['performance', 'backup', 'slow'],
  ],
  [
    0,
    'Configuration database backup fails with SQL timeout',
    'Increase the SQL command timeout or move the configuration database to a faster disk.',
    ['database', 'configuration backup'],
  ],
  [
    0,
    'Licence shows "Support expired" after renewal',
    'Install the renewed licence file; the old file carries the previous maintenance end date.',
    ['licensing', 'renewal'],
  ],
  [
    0,
    'How to move a backup repository to new storage',
    'Copy the files, rescan, and map the jobs; no full backup is required.',
    ['repository', 'how-to', 'migration'],
  ],
  [
    0,
    'Guest file indexing fails on Windows Server 2025',
    'The indexing service needs the VSS writer; enable it in the guest.',
    ['indexing', 'guest processing', 'windows'],
  ],
  [
    0,
    'Tape job fails with "Drive is not ready"',
    'The media is not loaded or the drive needs cleaning; run inventory and check the library.',
    ['tape', 'hardware'],
  ],
  [
    0,
    'Application-aware processing fails for Exchange',
    'The Exchange VSS writer is in a failed state; restart the Information Store service.',
    ['exchange', 'vss', 'application-aware'],
  ],
  [
    0,
    'Immutable repository reports "Permission denied" on cleanup',
    'Immutability has not expired for the points; they are removed when the period ends.',
    ['immutability', 'hardened repository', 'security'],
  ],
  [
    0,
    'Backup server crashes with out-of-memory during merge',
    'Very large job sets exceed memory; split the jobs or add memory to the server.',
    ['crash', 'memory', 'merge'],
  ],
  [
    1,
    'Linux agent fails to load the veeamsnap kernel module',
    'The module was built for a previous kernel; rebuild it with DKMS after kernel updates.',
    ['linux', 'kernel', 'agent'],
  ],
  [
    1,
    'Linux agent backup fails with "Snapshot overflow"',
    'The snapshot store is too small for the change rate; enlarge it or back up in quieter hours.',
    ['linux', 'snapshot', 'agent'],
  ],
  [1, 'File-level restore on Linux agent hangs on mount', 'FUSE is missing on the host; install fuse and retry the restore.', ['linux', 'restore', 'fuse']],
  [
    1,
    'Agent cannot connect to repository: certificate error',
    'The repository certificate changed; re-accept it from the agent configuration.',
    ['linux', 'certificate', 'connection'],
  ],
  [
    1,
    'Scheduling Linux agent jobs with cron vs the built-in scheduler',
    'The built-in scheduler handles retries and retention; cron only starts jobs.',
    ['linux', 'how-to', 'schedule'],
  ],
  [
    1,
    'Agent for Linux 5.0 end of support: how to upgrade',
    'Version 5.0 is discontinued; upgrade to 7.0 with the package manager, keeping the configuration.',
    ['linux', 'upgrade', 'lifecycle'],
  ],
  [
    1,
    'Bare-metal recovery ISO does not detect NVMe disks',
    'Use the current recovery media, which includes NVMe drivers.',
    ['linux', 'recovery media', 'hardware'],
  ],
  [
    2,
    'Monitor shows "Data collection failed" for vCenter',
    'The monitoring account lacks read permission on the datacenter object.',
    ['monitoring', 'vcenter', 'permissions'],
  ],
  [
    2,
    'Alarm e-mails are not delivered',
    'SMTP settings are wrong or the relay refuses the sender; test from the notification settings.',
    ['monitoring', 'email', 'alarms'],
  ],
  [
    2,
    'Reports are empty after upgrading Monitor',
    'The data warehouse is rebuilding; reports fill in after the first collection cycle.',
    ['monitoring', 'reports', 'upgrade'],
  ],
  [2, 'High CPU on the Monitor server', 'Collection intervals are too short for the estate size; lengthen them.', ['monitoring', 'performance', 'cpu']],
  [2, 'How to add a backup server to Monitor', 'Add it under Data Protection; the account needs the backup administrator role.', ['monitoring', 'how-to']],
  [
    2,
    'Monitor web UI returns HTTP 500 after certificate renewal',
    'The IIS binding still points to the old certificate; rebind it.',
    ['monitoring', 'certificate', 'web'],
  ],
  [
    3,
    'Cloud Connect tenant cannot connect: "Gateway unavailable"',
    'The cloud gateway port 6180 is blocked or the gateway pool is empty.',
    ['cloud connect', 'network', 'gateway'],
  ],
  [
    3,
    'Tenant quota exceeded on cloud repository',
    'The tenant used all its quota; the provider must extend it or the tenant must reduce retention.',
    ['cloud connect', 'quota', 'storage'],
  ],
  [
    3,
    'Cloud replica failover does not start network extension',
    'The network extension appliance is not deployed for the tenant.',
    ['cloud connect', 'replication', 'failover'],
  ],
  [
    3,
    'Service provider certificate expired',
    'Renew the TLS certificate on the Cloud Connect server; tenants re-accept it.',
    ['cloud connect', 'certificate', 'security'],
  ],
  [
    null,
    'How to choose the right severity for a case',
    'Severity 1 is for production down; Severity 4 for how-to questions. Agree it with your engineer.',
    ['severity', 'support process'],
  ],
  [
    null,
    'What information to include when opening a case',
    'Support ID, product version, exact error text, time of failure and the logs the engineer asks for.',
    ['support process', 'logs'],
  ],
  [
    null,
    'How to collect logs for a support case',
    'Use the log export wizard and upload the archive to the case; logs are read offline.',
    ['logs', 'diagnostics', 'support process'],
  ],
  [null, 'Phone support requires a case number', 'Open a case first; the number routes your call to the right specialist.', ['phone', 'support process']],
  [
    null,
    'Support hours and response targets by tier',
    'Basic: Mon–Fri 08:00–20:00, Evaluation: Mon–Fri 08:00–17:00; Production and Premier: 24/7.',
    ['sla', 'support hours', 'tiers'],
  ],
  [
    null,
    'Severity 1 around the clock needs a technical contact',
    'We work Severity 1 cases 24/7 on Production and Premier while your technical contact is available.',
    ['severity', 'sla', '24/7'],
  ],
  [
    null,
    'How to add a Case Administrator for a Support ID',
    'License Administrators assign Case Administrators per Support ID from the organisation page.',
    ['administration', 'roles'],
  ],
  [
    null,
    'Letting a partner open cases for you',
    'A partner requests access to a Support ID; any License or Case Administrator approves it and may revoke it.',
    ['partners', 'administration'],
  ],
  [
    null,
    'Renewing an expired Support ID',
    'Open a licensing case on the expired Support ID; technical cases need active maintenance.',
    ['licensing', 'renewal', 'maintenance'],
  ],
  [
    null,
    'Product lifecycle: current, limited and discontinued versions',
    'Discontinued versions get known solutions and upgrade help only; upgrade to a current version.',
    ['lifecycle', 'upgrade'],
  ],
  [
    null,
    'Why was my case closed without my consent?',
    'After three unanswered contact attempts on three separate business days a case may be closed; open a new one referencing it.',
    ['support process', 'closure'],
  ],
  [
    null,
    'Talking to a support manager about a case',
    'Use "Talk to a manager" on the case; a Support Manager picks it up from their queue.',
    ['escalation', 'support process'],
  ],
  [
    null,
    'Installation and upgrade walkthroughs are out of scope',
    'Support resolves such requests with documentation pointers; see the deployment guides.',
    ['installation', 'upgrade', 'support process'],
  ],
  [
    null,
    'Third-party problems and TSANet referrals',
    'When a third-party product causes the problem we may engage its vendor through TSANet.',
    ['third party', 'tsanet'],
  ],
  [
    null,
    'Free and NFR licences: best-effort support',
    'Free, NFR and community licences get online best-effort support with no response target and no phone line.',
    ['licensing', 'free', 'nfr'],
  ],
  [
    null,
    'Giving website and service feedback',
    'Feedback about our websites and services has no SLA and no phone support; it reaches the owning team.',
    ['feedback'],
  ],
  [
    null,
    'Securing your backup server: hardening checklist',
    'Use MFA, separate accounts, immutable repositories and keep the server patched.',
    ['security', 'hardening'],
  ],
  [
    null,
    'Time zones and business hours on your cases',
    "Business-hours targets count in the local time of your Support ID's site, minus its holidays.",
    ['sla', 'time zone', 'business hours'],
  ],
]

export const KB_ARTICLES = KB.map(([product, title, summary, tags], i) => ({
  slug: `kb${4000 + i}`,
  productIndex: product,
  title,
  summary,
  tags,
  body: `${summary}\n\nCause\n${summary.split(';')[0]}.\n\nResolution\n1. Confirm the symptom matches the title of this article.\n2. ${summary.split(';')[1]?.trim() ?? 'Apply the change described above'}.\n3. Run the job or action again and confirm it succeeds.\n\nIf the problem persists, open a case and mention ${`KB${4000 + i}`}.`,
}))
