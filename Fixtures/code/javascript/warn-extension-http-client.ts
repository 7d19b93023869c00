// Angular service for the partner portal: calls a partner's desk phone.
import { Injectable } from '@angular/core';
import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Observable } from 'rxjs';

interface CreatedCall {
  id: string;
  selfUri: string;
}

@Injectable({ providedIn: 'root' })
export class PartnerCallService {
  private readonly base = 'https://api.mypurecloud.com';

  constructor(private http: HttpClient) {}

  callPartnerDesk(token: string): Observable<CreatedCall> {
    const headers = new HttpHeaders({ Authorization: `Bearer ${token}` });
    return this.http.post<CreatedCall>(
      `${this.base}/api/v2/conversations/calls`,
      { phoneNumber: '+13175550123 ext. 42', callerIdName: 'Partner Portal' },
      { headers },
    );
  }
}
