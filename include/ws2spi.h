/*
 * ws2spi.h: the service-provider side of Winsock, reduced to what ws2_32 exports: the WSC*
 * catalogue functions and WPUCompleteOverlappedRequest. The SPI dispatch tables
 * (WSPPROC_TABLE, WSPUPCALLTABLE) are not provided: the project has no layered providers.
 */
#ifndef _WINSOCK2SPI_
#define _WINSOCK2SPI_

#include <winsock2.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WSPDESCRIPTION_LEN 255
#define WSS_OPERATION_IN_PROGRESS 0x103
#define LSP_SYSTEM 0x80000000u
#define LSP_INSPECTOR 0x1
#define LSP_REDIRECTOR 0x2
#define LSP_PROXY 0x4
#define LSP_FIREWALL 0x8
#define LSP_INBOUND_MODIFY 0x10
#define LSP_OUTBOUND_MODIFY 0x20
#define LSP_CRYPTO_COMPRESS 0x40
#define LSP_LOCAL_CACHE 0x80

typedef struct WSPData {
  WORD wVersion;
  WORD wHighVersion;
  WCHAR szDescription[WSPDESCRIPTION_LEN + 1];
} WSPDATA, *LPWSPDATA;

typedef enum _WSC_PROVIDER_INFO_TYPE {
  ProviderInfoLspCategories,
  ProviderInfoAudit
} WSC_PROVIDER_INFO_TYPE;

int WSPAPI WSCDeinstallProvider(LPGUID lpProviderId, LPINT lpErrno);
INT WSPAPI WSCEnableNSProvider(LPGUID lpProviderId, BOOL fEnable);
int WSPAPI WSCEnumProtocols(LPINT lpiProtocols, LPWSAPROTOCOL_INFOW lpProtocolBuffer, LPDWORD lpdwBufferLength, LPINT lpErrno);
int WSPAPI WSCEnumProtocols32(LPINT lpiProtocols, LPWSAPROTOCOL_INFOW lpProtocolBuffer, LPDWORD lpdwBufferLength, LPINT lpErrno);
int WSPAPI WSCGetApplicationCategory(LPCWSTR Path, DWORD PathLength, LPCWSTR Extra, DWORD ExtraLength, DWORD *pPermittedLspCategories, LPINT lpErrno);
int WSPAPI WSCGetProviderInfo(LPGUID lpProviderId, WSC_PROVIDER_INFO_TYPE InfoType, PBYTE Info, size_t *InfoSize, DWORD Flags, LPINT lpErrno);
int WSPAPI WSCGetProviderPath(LPGUID lpProviderId, WCHAR *lpszProviderDllPath, LPINT lpProviderDllPathLen, LPINT lpErrno);
INT WSPAPI WSCInstallNameSpace(LPWSTR lpszIdentifier, LPWSTR lpszPathName, DWORD dwNameSpace, DWORD dwVersion, LPGUID lpProviderId);
int WSPAPI WSCInstallProvider(LPGUID lpProviderId, const WCHAR *lpszProviderDllPath, const WSAPROTOCOL_INFOW *lpProtocolInfoList, DWORD dwNumberOfEntries, LPINT lpErrno);
int WSPAPI WSCInstallProvider64_32(LPGUID lpProviderId, const WCHAR *lpszProviderDllPath, const WSAPROTOCOL_INFOW *lpProtocolInfoList, DWORD dwNumberOfEntries, LPINT lpErrno);
int WSPAPI WSCSetApplicationCategory(LPCWSTR Path, DWORD PathLength, LPCWSTR Extra, DWORD ExtraLength, DWORD PermittedLspCategories, DWORD *pPrevPermLspCat, LPINT lpErrno);
INT WSPAPI WSCUnInstallNameSpace(LPGUID lpProviderId);
int WSPAPI WSCUpdateProvider(LPGUID lpProviderId, const WCHAR *lpszProviderDllPath, const WSAPROTOCOL_INFOW *lpProtocolInfoList, DWORD dwNumberOfEntries, LPINT lpErrno);
int WSPAPI WSCWriteNameSpaceOrder(LPGUID lpProviderId, DWORD dwNumberOfEntries);
int WSPAPI WSCWriteProviderOrder(LPDWORD lpwdCatalogEntryId, DWORD dwNumberOfEntries);
int WSPAPI WPUCompleteOverlappedRequest(SOCKET s, LPWSAOVERLAPPED lpOverlapped, DWORD dwError, DWORD cbTransferred, LPINT lpErrno);
int WSAAPI WSApSetPostRoutine(PVOID lpPostRoutine);

#ifdef __cplusplus
}
#endif

#endif /* _WINSOCK2SPI_ */
