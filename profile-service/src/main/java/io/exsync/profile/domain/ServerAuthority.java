package io.exsync.profile.domain;

/** Which cloud a profile talks to; each has its own sign-in, Graph and EWS endpoints (SPEC §4). */
public enum ServerAuthority {
    PUBLIC("https://login.microsoftonline.com", "https://graph.microsoft.com",
            "https://outlook.office365.com/EWS/Exchange.asmx"),
    US_GOVERNMENT("https://login.microsoftonline.us", "https://graph.microsoft.us",
            "https://outlook.office365.us/EWS/Exchange.asmx"),
    CHINA_21VIANET("https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn",
            "https://partner.outlook.cn/EWS/Exchange.asmx"),
    /** Let the connector discover the cloud from the tenant; the public endpoints are the starting point. */
    AUTOMATIC("https://login.microsoftonline.com", "https://graph.microsoft.com",
            "https://outlook.office365.com/EWS/Exchange.asmx");

    private final String authorityHost;
    private final String graphBaseUrl;
    private final String ewsUrl;

    ServerAuthority(String authorityHost, String graphBaseUrl, String ewsUrl) {
        this.authorityHost = authorityHost;
        this.graphBaseUrl = graphBaseUrl;
        this.ewsUrl = ewsUrl;
    }

    public String authorityHost() {
        return authorityHost;
    }

    public String graphBaseUrl() {
        return graphBaseUrl;
    }

    public String ewsUrl() {
        return ewsUrl;
    }
}
