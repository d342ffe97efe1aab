// Channel settings, read once from the environment. A channel whose secrets are missing
// answers 503 instead of accepting unverified requests.

export interface ChannelsConfig {
  /** public base URL as configured at Twilio (scheme + host), e.g. https://bot.example.fr */
  publicUrl?: string;
  twilioAuthToken?: string;
  messenger: {
    verifyToken?: string;
    appSecret?: string;
    pageToken?: string;
    graphApiUrl: string;
    /** waits before each new try of a Send API call that got 429 or 5xx */
    retryDelaysMs: number[];
  };
  whatsapp: {
    verifyToken?: string;
    appSecret?: string;
    /** a system user's access token with the whatsapp_business_messaging permission */
    token?: string;
    /** the business phone number that answers (WhatsApp Manager, API setup) */
    phoneNumberId?: string;
    graphApiUrl: string;
    retryDelaysMs: number[];
  };
  /** MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId... */
  botFramework: Record<string, string | undefined>;
  /**
   * Without an app id the route is refused (503): it would otherwise post replies to any
   * serviceUrl a stranger names. BOTFRAMEWORK_EMULATOR=1 opens it for the local Emulator only.
   */
  botFrameworkEmulator?: boolean;
  /** hosts (and their subdomains) a serviceUrl may name; BOTFRAMEWORK_SERVICE_HOSTS */
  botFrameworkServiceHosts?: string[];
  webchatTheme: 'neutral' | 'dsfr';
}

export function channelsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ChannelsConfig {
  const graphApiUrl = (env.GRAPH_API_URL ?? 'https://graph.facebook.com/v25.0').replace(/\/+$/, '');
  const retryDelaysMs = [500, 2000, 8000];
  return {
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    twilioAuthToken: env.TWILIO_AUTH_TOKEN,
    messenger: {
      verifyToken: env.MESSENGER_VERIFY_TOKEN,
      appSecret: env.MESSENGER_APP_SECRET,
      pageToken: env.MESSENGER_PAGE_TOKEN,
      graphApiUrl,
      retryDelaysMs,
    },
    whatsapp: {
      verifyToken: env.WHATSAPP_VERIFY_TOKEN,
      appSecret: env.WHATSAPP_APP_SECRET,
      token: env.WHATSAPP_TOKEN,
      phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
      graphApiUrl,
      retryDelaysMs,
    },
    botFramework: {
      MicrosoftAppId: env.MicrosoftAppId ?? '',
      MicrosoftAppPassword: env.MicrosoftAppPassword,
      MicrosoftAppType: env.MicrosoftAppType,
      MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    },
    botFrameworkEmulator: env.BOTFRAMEWORK_EMULATOR === '1',
    botFrameworkServiceHosts: env.BOTFRAMEWORK_SERVICE_HOSTS?.split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
    webchatTheme: env.WEBCHAT_THEME === 'dsfr' ? 'dsfr' : 'neutral',
  };
}
